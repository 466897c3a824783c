import UndoIcon from '@mui/icons-material/Undo';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, maxLength, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { WITHDRAW_REASON_MAX, type Resignation } from './types';

const validateReason = maxLength(WITHDRAW_REASON_MAX);

/**
 * 撤回: the employee — or HR who handed it in for them — takes the resignation back before it is
 * approved, after a confirmation that says what stops, with an optional why (kept in its audit
 * record). Shown only when the server says the reader may (`can.withdraw`).
 */
export const WithdrawResignationButton = ({ resignation }: { resignation: Resignation }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { reason?: string }) => {
    await dataProvider.withdrawResignation(String(resignation.id), values.reason);
    notify('resources.resignations.withdraw.done', { type: 'success' });
    setOpen(false);
    refresh();
  }, ['reason']);

  if (!resignation.can?.withdraw) return null;
  return (
    <>
      <Button size="small" variant="outlined" color="warning" startIcon={<UndoIcon />} onClick={() => setOpen(true)} data-testid="withdraw-resignation" sx={{ minHeight: 32 }}>
        {translate('resources.resignations.withdraw.action')}
      </Button>
      <FormDialog
        id="withdraw-resignation"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.resignations.withdraw.title')}
        submitLabel="resources.resignations.withdraw.confirm"
        submitting={submitting}
        onSubmit={submit}
        noValidate
      >
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('resources.resignations.withdraw.content')}
        </Typography>
        <TextInput source="reason" label="resources.resignations.withdraw.reason" multiline minRows={2} validate={validateReason} helperText={false} />
      </FormDialog>
    </>
  );
};
