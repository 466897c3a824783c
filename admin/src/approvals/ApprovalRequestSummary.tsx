import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useCreatePath, useTranslate } from 'react-admin';
import { reviewChoiceKey } from '../probation-reviews/reviewChoices';
import type { ProbationReview } from '../probation-reviews/types';
import type { ApprovalDetail } from './types';

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'contents' }}>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0 }}>
      {children}
    </Typography>
  </Box>
);

/**
 * What is being asked: the request's kind, who asked, and for a probation review the person,
 * the kind of review and — once scored — the weighted score and the recommended outcome.
 * The review may be out of the approver's reading scope (a task transferred across teams):
 * then only what the task itself says is shown.
 */
export const ApprovalRequestSummary = ({ task, review }: { task: ApprovalDetail; review: ProbationReview | undefined }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const f = (field: string) => translate(`resources.approvals.fields.${field}`);
  const r = (field: string) => translate(`resources.probation-reviews.fields.${field}`);
  const outcome = review?.override?.outcome ?? review?.recommendation?.outcome;
  return (
    <Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
        <Row label={f('requestKind')}>{translate(`resources.approvals.choices.requestKind.${task.requestKind}`, { _: task.requestKind })}</Row>
        <Row label={f('requesterName')}>{task.requesterName ?? '—'}</Row>
        <Row label={f('stepLabel')}>{task.stepLabel}</Row>
        {review && (
          <>
            <Row label={r('employeeName')}>
              {review.employeeName} ({review.employeeNo})
            </Row>
            <Row label={r('kind')}>{translate(reviewChoiceKey('kind', review.kind))}</Row>
            <Row label={r('startsOn')}>{review.startsOn}</Row>
            {review.weighted !== null && (
              <Row label={r('weighted')}>
                {review.weighted}
                {review.band?.gap && <Chip size="small" color="warning" variant="outlined" sx={{ ml: 1 }} label={translate('app.policy_gap')} />}
              </Row>
            )}
            {outcome && (
              <Row label={review.override ? r('override') : r('recommendation')}>{translate(reviewChoiceKey('outcome', outcome))}</Row>
            )}
          </>
        )}
      </Box>
      {review && (
        <Typography variant="body2" sx={{ mt: 1.5 }}>
          <Link to={createPath({ resource: 'probation-reviews', id: review.id, type: 'show' })}>
            {translate('resources.approvals.actions.open_request')}
          </Link>
        </Typography>
      )}
    </Box>
  );
};
