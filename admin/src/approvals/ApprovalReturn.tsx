import UndoIcon from '@mui/icons-material/Undo';
import { Box, Button, Collapse, Stack } from '@mui/material';
import { useState } from 'react';
import { Form, SelectInput, TextInput, required, useDataProvider, useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { ReturnChoice } from './returnSteps';
import type { ApprovalDetail } from './types';

const validateRequired = required();
const notBlank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? 'ra.validation.required' : undefined);
const validateComment = [required(), notBlank];

/**
 * 退回: send the request back to one of its earlier, approved steps, or to its requester
 * (发起人), saying why. The choices come from the timeline (`returnSteps.ts`); the API refuses
 * a step it cannot return to (422 APPROVAL.INVALID_RETURN on `toStep`), which shows under the picker.
 */
export const ApprovalReturn = ({ task, steps }: { task: ApprovalDetail; steps: readonly ReturnChoice[] }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const { submit, submitting } = useFormVerb(async (values: { toStep?: string; comment?: string }) => {
    const toStep = String(values.toStep);
    await dataProvider.returnTask(task.id, { toStep, comment: String(values.comment ?? '').trim() });
    const step = steps.find((s) => s.id === toStep)?.name ?? toStep;
    notify('resources.approvals.notifications.returned', { type: 'success', messageArgs: { step } });
    redirect('list', 'approvals');
    refresh();
  }, ['toStep', 'comment']);
  if (steps.length === 0) return null;

  return (
    <Box>
      <Button startIcon={<UndoIcon />} onClick={() => setOpen((o) => !o)} aria-expanded={open} sx={{ minHeight: 44 }}>
        {translate('resources.approvals.actions.return')}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Form onSubmit={submit} record={{ id: task.id }} defaultValues={{ toStep: steps.length === 1 ? steps[0]?.id : '', comment: '' }}>
          <Stack sx={{ pt: 1 }}>
            <SelectInput source="toStep" label="resources.approvals.fields.toStep" choices={[...steps]} validate={validateRequired} />
            <TextInput source="comment" label="resources.approvals.fields.returnComment" multiline minRows={2} validate={validateComment} />
            <Button type="submit" variant="outlined" color="warning" size="large" disabled={submitting} sx={{ minHeight: 48, alignSelf: { xs: 'stretch', sm: 'flex-start' } }}>
              {translate('resources.approvals.actions.confirm_return')}
            </Button>
          </Stack>
        </Form>
      </Collapse>
    </Box>
  );
};
