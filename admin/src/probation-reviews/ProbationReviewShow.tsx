import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, Show, useCreatePath, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { ApprovalCcButton } from '../approvals/ApprovalCcButton';
import { LocaleDateField } from '../components/LocaleDateField';
import { Section } from '../components/Section';
import { AttachmentLinks } from '../attachments/AttachmentLinks';
import { RequestComments } from '../requests/RequestComments';
import { RequestChain } from '../components/RequestChain';
import { ProbationReviewDiagram } from './ProbationReviewDiagram';
import { RequestReminders } from '../components/RequestReminders';
import { ProbationReviewScores } from './ProbationReviewScores';
import { printPath } from './printPath';
import { reviewChoiceKey } from './reviewChoices';
import type { ProbationReview } from './types';
import { WithdrawReviewButton } from './WithdrawReviewButton';

/** One probation review: who, the assessment, the chain's decisions and the workflow picture. */
const ProbationReviewShow = () => (
  <Show actions={false}>
    <ProbationReviewLayout />
  </Show>
);

const Term = ({ label, children }: { label: string; children: ReactNode }) => (
  <>
    <Typography variant="body2" color="text.secondary" component="dt">
      {label}
    </Typography>
    <Typography variant="body2" component="dd" sx={{ m: 0 }}>
      {children}
    </Typography>
  </>
);

const ProbationReviewLayout = () => {
  const review = useRecordContext<ProbationReview>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { identity } = useGetIdentity();
  if (!review) return null;
  // 抄送 is for the requester and anyone asked in the chain; the API has the last word.
  const takesPart = !!identity && (review.requesterId === identity.id || (review.steps ?? []).some((s) => s.tasks?.some((t) => t.approverId === identity.id)));
  const f = (field: string) => translate(`resources.probation-reviews.fields.${field}`);
  return (
    <Box
      sx={{
        p: { xs: 1.5, sm: 2 },
        display: 'grid',
        gap: 3,
        gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
      }}
    >
      <Stack spacing={2}>
        <Box>
          <Typography variant="h6" component="h2">
            <Link to={createPath({ resource: 'employees', id: review.employeeId, type: 'show' })}>
              {review.employeeName} ({review.employeeNo})
            </Link>
          </Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 1 }}>
            <Chip size="small" color="primary" label={translate(reviewChoiceKey('status', review.status))} data-testid="review-status" />
            <Chip size="small" variant="outlined" label={translate(reviewChoiceKey('kind', review.kind))} />
            <WithdrawReviewButton review={review} />
            {takesPart && <ApprovalCcButton kind="probation" requestId={String(review.id)} />}
            <Button size="small" variant="outlined" startIcon={<PrintIcon />} component={Link} to={printPath(String(review.id))} sx={{ minHeight: 32 }}>
              {translate('resources.probation-reviews.print.action')}
            </Button>
          </Stack>
        </Box>
        {review.deferred && review.status === 'scheduled' && (
          <Alert severity="info">{translate('resources.probation-reviews.deferred', { date: review.startsOn })}</Alert>
        )}
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
          <Term label={f('applicant')}>
            {translate(reviewChoiceKey('applicant', review.applicant))}
            {review.requesterName ? ` · ${review.requesterName}` : ''}
          </Term>
          {review.statement && <Term label={f('statement')}>{review.statement}</Term>}
          {(review.attachments ?? []).length > 0 && (
            <Term label={translate('resources.attachments.name')}>
              <AttachmentLinks attachments={review.attachments!} />
            </Term>
          )}
          <Term label={f('startsOn')}>
            <LocaleDateField source="startsOn" />
          </Term>
          <Term label={f('policyVersion')}>{review.policyVersion}</Term>
          <Term label={f('createdAt')}>
            <LocaleDateField source="createdAt" showTime />
          </Term>
        </Box>
        <Section title={translate('resources.probation-reviews.sections.assessment')}>
          <ProbationReviewScores review={review} />
        </Section>
      </Stack>
      <Section title={translate('resources.probation-reviews.sections.chain')} id="chain">
        <Stack spacing={2}>
          <RequestReminders request={review} resource="probation-reviews" />
          <RequestChain
            request={review} resource="probation-reviews" running={['scheduled', 'in_review']}
            note={(step) => (step.records ? translate(`resources.probation-reviews.records.${step.records}`) : undefined)}
          />
        </Stack>
      </Section>
      <Section title={translate('resources.requests.comments.title')} id="comments" sx={{ gridColumn: '1 / -1' }}>
        <RequestComments kind="probation" requestId={String(review.id)} subjectEmployeeId={review.employeeId} />
      </Section>
      <Section title={translate('resources.probation-reviews.sections.diagram')} id="diagram" sx={{ gridColumn: '1 / -1' }}>
        <ProbationReviewDiagram reviewId={String(review.id)} version={review.version} />
      </Section>
    </Box>
  );
};

export default ProbationReviewShow;
