import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Navigate, Show, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../components/Section';
import { ownPageOfTask } from '../disciplinary-actions/taskPage';
import { ApprovalAddApprovers } from './ApprovalAddApprovers';
import { ApprovalCcButton } from './ApprovalCcButton';
import { ApprovalDecisionPanel } from './ApprovalDecisionPanel';
import { ApprovalDueField } from './ApprovalDueField';
import { ApprovalStateNote } from './ApprovalNotes';
import { ApprovalRequestSummary } from './ApprovalRequestSummary';
import { ApprovalReturn } from './ApprovalReturn';
import { ApprovalStatusField } from './ApprovalStatusField';
import { ApprovalTimeline } from './ApprovalTimeline';
import { ApprovalTransfer } from './ApprovalTransfer';
import { RequestComments } from '../requests/RequestComments';
import { returnableSteps } from './returnSteps';
import { REQUESTER_STEP, type ApprovalDetail } from './types';

// No background refetch while a decision is being typed: it would not lose the input (the
// form keeps its own values), but the 409 path is the one that tells about a colleague's decision.
const queryOptions = { refetchOnWindowFocus: false } as const;

/**
 * One task (`/#/approvals/:id/show`, where the emails link): what is asked, what happened so
 * far, and the decision. A task waiting its turn (加签) or a CC notice says so and offers no
 * decision. On a phone everything is one column with the decision right after the summary.
 */
// The card clips (rounded corners) without becoming a scroll container, so the decision
// buttons can stick to the bottom of a phone's screen (ApprovalDecisionPanel).
const cardSx = { '& .RaShow-card': { overflow: 'clip' } } as const;

const ApprovalShow = () => (
  <Show actions={false} queryOptions={queryOptions} sx={cardSx}>
    <ApprovalShowLayout />
  </Show>
);

const ApprovalShowLayout = () => {
  const task = useRecordContext<ApprovalDetail>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  // Kept here, not in the form: the page re-reads the task, which then is no longer open.
  const [conflict, setConflict] = useState<string | null>(null);
  if (!task) return null;
  // A task done on its request's own page (签收 or 申诉 on a 处罚单): the person goes there.
  const ownPage = ownPageOfTask(task);
  if (ownPage) return <Navigate to={ownPage} replace />;
  // Opened from the inbox, the list's row is shown first: the step's fields and the timeline
  // come with the task's own read. No decision form before then (it could miss the scores).
  const detailed = Array.isArray(task.fields) && Array.isArray(task.timeline);
  const labels = new Map<string, string>((task.chain ?? []).map((s) => [s.key, s.label]));
  labels.set(REQUESTER_STEP, translate('resources.approvals.requester_step'));
  labels.set(task.stepKey, task.stepLabel);
  const labelOf = (key: string) => labels.get(key) ?? key;
  // 抄送 is for the requester and anyone with a task on the request (a CC notice is not one).
  const canCc = task.status !== 'cc' || (!!identity && identity.id === task.requesterId);

  return (
    <Box
      sx={{
        p: { xs: 1.5, sm: 2 },
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
        gridTemplateAreas: { xs: '"head" "decide" "timeline"', md: '"head decide" "timeline decide"' },
        gridTemplateRows: { md: 'auto 1fr' },
        alignItems: 'start',
      }}
    >
      <Stack spacing={2} sx={{ gridArea: 'head' }}>
        <Box>
          <Typography variant="h6" component="h2" sx={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Typography>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mt: 0.5 }}>
            <ApprovalStatusField record={task} />
            <ApprovalDueField record={task} />
            {canCc && <ApprovalCcButton kind={task.requestKind} requestId={task.requestId} />}
          </Stack>
        </Box>
        <Section title={translate('resources.approvals.sections.request')}>
          <ApprovalRequestSummary task={task} />
        </Section>
      </Stack>
      <Section title={translate('resources.approvals.sections.decision')} sx={{ gridArea: 'decide' }} id="decision">
        {conflict && (
          <Alert severity="warning" sx={{ mb: 2 }} data-testid="decision-conflict">
            {conflict}
          </Alert>
        )}
        {detailed ? (
          <Stack spacing={2}>
            <ApprovalStateNote task={task} />
            {task.status === 'pending' && task.step.signedInOnly && (
              <Alert severity="info" data-testid="signed-in-only">{translate('resources.approvals.signed_in_only')}</Alert>
            )}
            {task.status === 'pending' && <ApprovalDecisionPanel task={task} onConflict={setConflict} />}
            {task.status === 'pending' && task.stepKey !== REQUESTER_STEP && task.step.verbs.length > 0 && (
              // The other verbs the step offers, close together under the decision: secondary, and short on a phone.
              <Stack spacing={0.5} sx={{ alignItems: 'stretch' }} data-testid="other-verbs">
                {task.step.verbs.includes('return') && (
                  <ApprovalReturn
                    task={task}
                    steps={returnableSteps(task.timeline, task.stepKey, labelOf, task.requesterId ? translate('resources.approvals.requester') : undefined)}
                  />
                )}
                {task.step.verbs.includes('addApprovers') && task.reason !== 'escalated' && <ApprovalAddApprovers task={task} />}
                {task.step.verbs.includes('transfer') && <ApprovalTransfer task={task} />}
              </Stack>
            )}
          </Stack>
        ) : (
          <CircularProgress size={24} />
        )}
      </Section>
      <Stack spacing={3} sx={{ gridArea: 'timeline', minWidth: 0 }}>
        <Section title={translate('resources.approvals.fields.timeline')}>
          {detailed ? <ApprovalTimeline steps={task.timeline} labelOf={labelOf} /> : <CircularProgress size={24} />}
        </Section>
        <Section title={translate('resources.requests.comments.title')} id="comments">
          <RequestComments kind={task.requestKind} requestId={task.requestId} subjectEmployeeId={task.subjectEmployeeId} />
        </Section>
      </Stack>
    </Box>
  );
};

export default ApprovalShow;
