import ForwardIcon from '@mui/icons-material/Forward';
import { Box, Button, Collapse, Stack } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  AutocompleteInput,
  Form,
  HttpError,
  TextInput,
  required,
  useDataProvider,
  useGetIdentity,
  useGetList,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { splitFormErrors } from '../components/formErrors';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { ApprovalDetail } from './types';

interface DirectoryEntry {
  id: string;
  name: string;
  employeeId: string | null;
  roles: string[];
}

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
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const { data: people, isPending } = useGetList<DirectoryEntry>(
    'user-directory',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } },
    { enabled: open },
  );
  const choices = useMemo(
    () => (people ?? []).filter((p) => p.id !== identity?.id && (!task.subjectEmployeeId || p.employeeId !== task.subjectEmployeeId)),
    [people, identity?.id, task.subjectEmployeeId],
  );

  async function submit(values: { toUserId?: string; comment?: string }) {
    setSubmitting(true);
    try {
      const comment = values.comment?.trim();
      await dataProvider.transfer(task.id, { toUserId: String(values.toUserId), ...(comment ? { comment } : {}) });
      const name = choices.find((p) => p.id === values.toUserId)?.name ?? '';
      notify('resources.approvals.notifications.transferred', { type: 'success', messageArgs: { name } });
      redirect('list', 'approvals');
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      notify(e.message, { type: 'error' });
      return splitFormErrors((e.body as { errors?: unknown } | null)?.errors, (path) => path === 'toUserId' || path === 'comment').inputs;
    } finally {
      setSubmitting(false);
    }
  }

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
              optionText="name"
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
