import { Box, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, RecordContextProvider, useCreatePath, useGetList, useGetOne, useTranslate } from 'react-admin';
import { ApprovalTimeline } from '../approvals/ApprovalTimeline';
import { REQUESTER_STEP } from '../approvals/types';
import { LocaleDateField } from '../components/LocaleDateField';
import { currentStepLabel } from '../probation-reviews/ProbationReviewList';
import { reviewChoiceKey } from '../probation-reviews/reviewChoices';
import type { ProbationReview } from '../probation-reviews/types';

const OPEN = new Set(['scheduled', 'in_review']);

/** The reviews about someone (GET /probation-reviews?employeeId=), newest first. */
export function useReviewsOf(employeeId: string | undefined) {
  const { data, isPending } = useGetList<ProbationReview>(
    'probation-reviews',
    { filter: { employeeId }, pagination: { page: 1, perPage: 50 } },
    // Without an employee the API would answer the reviews in progress of everyone.
    { enabled: !!employeeId },
  );
  const reviews = [...(data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { reviews, isPending };
}

/** 转正评审: each review with its status, where it stands and a link to it. */
export const EmployeeReviews = ({ reviews }: { reviews: ProbationReview[] }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const f = (field: string) => translate(`resources.probation-reviews.fields.${field}`);
  if (reviews.length === 0) return <Typography color="text.secondary">{translate('app.employee_file.no_reviews')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="employee-reviews">
        <TableHead>
          <TableRow>
            <TableCell>{f('kind')}</TableCell>
            <TableCell>{f('status')}</TableCell>
            <TableCell>{f('currentStep')}</TableCell>
            <TableCell>{f('weighted')}</TableCell>
            <TableCell>{f('createdAt')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {reviews.map((r) => (
            <RecordContextProvider key={r.id} value={r}>
              <TableRow>
                <TableCell>{translate(reviewChoiceKey('kind', r.kind))}</TableCell>
                <TableCell>
                  <Chip size="small" color={OPEN.has(r.status) ? 'primary' : 'default'} label={translate(reviewChoiceKey('status', r.status))} />
                </TableCell>
                <TableCell>{currentStepLabel(r)}</TableCell>
                <TableCell>{r.weighted ?? '—'}</TableCell>
                <TableCell>
                  <LocaleDateField source="createdAt" showTime />
                </TableCell>
                <TableCell>
                  <Link to={createPath({ resource: 'probation-reviews', id: r.id, type: 'show' })}>{translate('app.employee_file.open_review')}</Link>
                </TableCell>
              </TableRow>
            </RecordContextProvider>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** 审批记录: every review's decisions, step by step (the list has no steps; each review is read once). */
export const EmployeeApprovals = ({ reviews }: { reviews: ProbationReview[] }) => {
  const translate = useTranslate();
  if (reviews.length === 0) return <Typography color="text.secondary">{translate('app.employee_file.no_approvals')}</Typography>;
  return (
    <Stack spacing={3} data-testid="employee-approvals">
      {reviews.map((r) => (
        <ReviewTimeline key={r.id} id={r.id} />
      ))}
    </Stack>
  );
};

const ReviewTimeline = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: review, isPending } = useGetOne<ProbationReview>('probation-reviews', { id });
  if (isPending) return <CircularProgress size={20} />;
  if (!review) return null;
  const labels = new Map(review.chain.map((s) => [s.key, s.label]));
  const labelOf = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester') : (labels.get(key) ?? key));
  return (
    <Box component="article" data-review={review.id}>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        <Link to={createPath({ resource: 'probation-reviews', id: review.id, type: 'show' })}>
          {translate('resources.probation-reviews.name', { smart_count: 1 })} · {translate(reviewChoiceKey('kind', review.kind))}
        </Link>{' '}
        · {translate(reviewChoiceKey('status', review.status))}
      </Typography>
      <ApprovalTimeline steps={review.steps ?? []} labelOf={labelOf} />
    </Box>
  );
};
