import GradingIcon from '@mui/icons-material/Grading';
import { Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Button, TextInput, required, useDataProvider, useNotify, useTranslate, type HttpError } from 'react-admin';
import { FieldInput } from '../approvals/ApprovalDecisionPanel';
import { decisionBody, type DecisionFormValues } from '../approvals/decisionBody';
import type { ApprovalDetail } from '../approvals/types';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { ScheduledRound } from './types';

// Made once: react-admin re-registers an input whose validate changes on each render.
const validateRequired = required();

/**
 * 评分 on 面试安排: the round's answer — the fields the round's step asks (its score 0–100, a
 * recommendation and notes, read from my task as 待我审批 reads them) and an optional comment —
 * sent as the same decision 待我审批 sends (POST /approvals/{id}/decision, `approve`). The API's
 * refusals land under their inputs; a round someone else completed first (或签) is said and the
 * schedule read again.
 */
export const InterviewScoreButton = ({ round, taskId, onScored }: { round: ScheduledRound; taskId: string; onScored: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const t = (k: string) => `resources.interviews.score.${k}`;
  const task = useConsoleQuery(`approvals|${taskId}`, (dp) => dp.getOne<ApprovalDetail>('approvals', { id: taskId }), { enabled: open });
  const fields = task.data?.fields ?? [];

  const { submit, submitting } = useFormVerb<DecisionFormValues>(async (values) => {
    try {
      await dataProvider.approve(taskId, decisionBody('approve', values, fields));
    } catch (error) {
      // Decided already (或签: another interviewer completed the round) or no longer mine.
      if ([404, 409].includes((error as HttpError).status)) {
        setOpen(false);
        onScored();
      }
      throw error;
    }
    notify(t('done'), { type: 'success' });
    setOpen(false);
    onScored();
  }, ['comment', ...fields.map((f) => f.path)]);

  return (
    <>
      <Button label={t('action')} onClick={() => setOpen(true)} variant="contained" disabled={open && task.isPending} data-testid="interview-score" sx={{ minHeight: 44 }}>
        <GradingIcon />
      </Button>
      {open && task.error && (
        <Typography role="alert" variant="body2" color="error" sx={{ mt: 0.5 }}>
          {task.error.message}
        </Typography>
      )}
      <FormDialog
        id={`score-${taskId.replace(/[^\w-]/g, '-')}`}
        open={open && !!task.data}
        onClose={() => setOpen(false)}
        title={translate(t('title'), { name: round.candidateName, round: round.roundLabel })}
        submitLabel={t('submit')}
        submitting={submitting}
        onSubmit={submit}
        defaultValues={{ ...(task.data?.prefill ?? {}), comment: '' }}
        noValidate
      >
        <Stack>
          {fields.map((f) => <FieldInput key={f.path} field={f} onApprove={validateRequired} />)}
          <TextInput source="comment" label={t('comment')} multiline minRows={2} />
        </Stack>
      </FormDialog>
    </>
  );
};
