import ForwardIcon from '@mui/icons-material/Forward';
import { Box, Button, Collapse, Stack } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Form, TextInput, required, useDataProvider, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { ApprovalDetail } from './types';

const validateTarget = required();

/**
 * 转交: hand my task to someone else (they are emailed, my links stop working). The picker
 * lists the company directory without me and without the person the request is about; the
 * API has the last word (it also refuses someone already asked at this step).
 */
export const ApprovalTransfer = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { choices, isPending, nameOf } = usePeopleChoices({ enabled: open, subjectEmployeeId: task.subjectEmployeeId });
  const { submit, submitting } = useFormVerb(async (values: { toUserId?: string; comment?: string }) => {
    const comment = values.comment?.trim();
    await dataProvider.transfer(task.id, { toUserId: String(values.toUserId), ...(comment ? { comment } : {}) });
    notify('resources.approvals.notifications.transferred', { type: 'success', messageArgs: { name: nameOf(values.toUserId) } });
    redirect('list', 'approvals');
    refresh();
  }, ['toUserId', 'comment']);

  return (
    <Box>
      <Button startIcon={<ForwardIcon />} onClick={() => setOpen((o) => !o)} aria-expanded={open} sx={{ minHeight: 44 }}>
        {translate('resources.approvals.actions.transfer')}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Form onSubmit={submit} record={{ id: task.id }}>
          <Stack sx={{ pt: 1 }}>
            <AutocompleteInput
              source="toUserId"
              label="resources.approvals.fields.toUserId"
              choices={choices}
              optionText="label"
              isPending={isPending}
              validate={validateTarget}
            />
            <TextInput source="comment" label="resources.approvals.fields.transferComment" multiline minRows={2} />
            <Button type="submit" variant="outlined" size="large" disabled={submitting} sx={{ minHeight: 48, alignSelf: { xs: 'stretch', sm: 'flex-start' } }}>
              {translate('resources.approvals.actions.confirm_transfer')}
            </Button>
          </Stack>
        </Form>
      </Collapse>
    </Box>
  );
};
