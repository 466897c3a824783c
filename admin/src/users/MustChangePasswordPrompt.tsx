import { Alert, Button } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/**
 * A demo login signs in with a password printed for everyone: every page says so, above its
 * content, until the password is changed (the API's mustChangePassword). A banner rather than
 * a dialog that blocks the page, so a look around the demo is still possible — but it stays.
 */
export const MustChangePasswordPrompt = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  if (!identity?.mustChangePassword) return null;
  return (
    <>
      <Alert
        severity="warning"
        data-prompt="must-change-password"
        sx={{ mt: 1 }}
        action={
          <Button color="inherit" size="small" variant="outlined" onClick={() => setOpen(true)}>
            {translate('resources.users.must_change_prompt.action')}
          </Button>
        }
      >
        {translate('resources.users.must_change_prompt.text')}
      </Alert>
      <ChangePasswordDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
};
