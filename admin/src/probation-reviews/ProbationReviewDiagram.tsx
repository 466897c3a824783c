import { Alert, Button, CircularProgress, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslate } from 'react-admin';
import { WorkflowDiagram } from '../components/WorkflowDiagram';
import { useConsoleQuery } from '../providers/useConsoleQuery';

const RUNNING_REFRESH_MS = 15_000;

/**
 * The review's workflow: the approval state machine (from its ASL), where this execution has
 * been and where it is now.
 */
export const ProbationReviewDiagram = ({ reviewId, version }: { reviewId: string; version: number }) => {
  const translate = useTranslate();
  // The review's version moves with every step: read the execution again when it does.
  const { data, error, isPending, refetch } = useConsoleQuery(`execution:${reviewId}:${version}`, (dp) => dp.getExecution(reviewId));
  // The machine also moves between two saves of the review (into the step it waits in):
  // while it runs, look again now and then.
  const running = data?.execution?.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = window.setTimeout(refetch, RUNNING_REFRESH_MS);
    return () => window.clearTimeout(timer);
  }, [running, data, refetch]);
  if (isPending) return <CircularProgress size={24} />;
  if (error || !data) {
    return (
      <Alert severity="error" action={<Button onClick={refetch}>{translate('ra.action.refresh')}</Button>}>
        {error?.message ?? translate('ra.notification.http_error')}
      </Alert>
    );
  }
  const { diagram, execution } = data;
  const stateLabel = (name: string) => translate(`resources.probation-reviews.states.${name}`, { _: name });
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="execution-status">
        {execution
          ? translate('resources.probation-reviews.execution.status', {
              status: translate(`resources.probation-reviews.execution.statuses.${execution.status}`, { _: execution.status }),
              state: execution.currentState ? stateLabel(execution.currentState) : '—',
              transitions: execution.transitions,
            })
          : translate('resources.probation-reviews.execution.none')}
      </Typography>
      <WorkflowDiagram
        diagram={diagram}
        visited={execution?.visited ?? []}
        currentState={execution?.currentState ?? null}
        labelOf={stateLabel}
        title={translate('resources.probation-reviews.sections.diagram')}
        legend={{
          current: translate('resources.probation-reviews.execution.legend.current'),
          visited: translate('resources.probation-reviews.execution.legend.visited'),
          other: translate('resources.probation-reviews.execution.legend.other'),
        }}
      />
    </>
  );
};
