import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import { Button, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteArrayInput, TextInput, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import type { CcInput, ConsoleDataProvider } from '../providers/consoleMethods';

const validateUsers = required();

/**
 * 抄送: send people a read-only notice of a request (their 抄送我的 tab and an email). Offered
 * to the requester and anyone taking part; the API refuses anyone else (403).
 */
export const ApprovalCcButton = ({ kind, requestId }: { kind: string; requestId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { choices, isPending, namesOf } = usePeopleChoices({ enabled: open });
  const { submit, submitting } = useFormVerb(async (values: Partial<CcInput>) => {
    const users = (values.users ?? []).map(String);
    const comment = values.comment?.trim();
    await dataProvider.carbonCopy(kind, requestId, { users, ...(comment ? { comment } : {}) });
    notify('resources.approvals.notifications.cc', { type: 'success', messageArgs: { names: namesOf(users) } });
    setOpen(false);
  }, ['users', 'comment']);

  return (
    <>
      <Button size="small" variant="outlined" startIcon={<ForwardToInboxIcon />} onClick={() => setOpen(true)} sx={{ minHeight: 32 }}>
        {translate('resources.approvals.actions.cc')}
      </Button>
      <FormDialog
        id="cc"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.approvals.cc.title')}
        submitLabel="resources.approvals.actions.confirm_cc"
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ users: [], comment: '' }}
      >
        <Typography variant="body2" color="text.secondary">
          {translate('resources.approvals.cc.hint')}
        </Typography>
        <AutocompleteArrayInput source="users" label="resources.approvals.fields.ccUsers" choices={choices} optionText="label" isPending={isPending} validate={validateUsers} />
        <TextInput source="comment" label="resources.approvals.fields.ccComment" multiline minRows={2} />
      </FormDialog>
    </>
  );
};
