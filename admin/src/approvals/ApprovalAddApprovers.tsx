import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { Box, Button } from '@mui/material';
import { useState } from 'react';
import { AutocompleteArrayInput, RadioButtonGroupInput, TextInput, required, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import type { AddApproversInput, ConsoleDataProvider } from '../providers/consoleMethods';
import { modeChoices, positionChoices } from './stageChoices';
import type { ApprovalDetail } from './types';

const validateUsers = required();

type Values = Partial<AddApproversInput>;

/**
 * 加签: ask more people at my step — before me (前加签: they decide first, then the task comes
 * back to me), after me (后加签) or with me (并加签) — deciding as any one of them (或签) or all
 * (会签). The page reads the task again: after 前加签 it waits for them.
 */
export const ApprovalAddApprovers = ({ task }: { task: ApprovalDetail }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { choices, isPending, namesOf } = usePeopleChoices({ enabled: open, subjectEmployeeId: task.subjectEmployeeId });
  const { submit, submitting } = useFormVerb(async (values: Values) => {
    const users = (values.users ?? []).map(String);
    const comment = values.comment?.trim();
    await dataProvider.addApprovers(task.id, { users, position: values.position ?? 'before', mode: values.mode ?? 'any', ...(comment ? { comment } : {}) });
    notify('resources.approvals.notifications.added', { type: 'success', messageArgs: { names: namesOf(users) } });
    setOpen(false);
    refresh();
  }, ['users', 'position', 'mode', 'comment']);

  return (
    <Box>
      <Button startIcon={<GroupAddIcon />} onClick={() => setOpen(true)} sx={{ minHeight: 44 }}>
        {translate('resources.approvals.actions.add_approvers')}
      </Button>
      <FormDialog
        id="add-approvers"
        open={open}
        onClose={() => setOpen(false)}
        title={translate('resources.approvals.add.title')}
        submitLabel="resources.approvals.actions.confirm_add"
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ users: [], position: 'before', mode: 'any', comment: '' }}
      >
        <AutocompleteArrayInput source="users" label="resources.approvals.fields.users" choices={choices} optionText="label" isPending={isPending} validate={validateUsers} />
        <RadioButtonGroupInput source="position" label="resources.approvals.fields.position" choices={positionChoices} row={false} helperText="resources.approvals.add.position_hint" />
        <RadioButtonGroupInput source="mode" label="resources.approvals.fields.mode" choices={modeChoices} helperText="resources.approvals.add.mode_hint" />
        <TextInput source="comment" label="resources.approvals.fields.addComment" multiline minRows={2} />
      </FormDialog>
    </Box>
  );
};
