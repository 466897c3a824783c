import { Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StepRecord } from '../approvals/ApprovalTimeline';
import { REQUESTER_STEP } from '../approvals/types';
import type { ProbationReview } from './types';

/**
 * The approval chain as a stepper: each step of the review's own chain (the policy version it
 * started under), with everyone asked there — by stage for 加签 and 会签 — what they decided,
 * their comment, the channel (控制台 / 邮件 / API) and the time; reminders and escalations show
 * as further records of the same step. After a return to the requester (退回给发起人), their
 * resubmission leads the chain, as the chain starts again from its first step.
 */
export const ProbationReviewChain = ({ review }: { review: ProbationReview }) => {
  const translate = useTranslate();
  const steps = review.steps ?? [];
  const ended = !['scheduled', 'in_review'].includes(review.status);
  const requester = { key: REQUESTER_STEP, label: translate('resources.approvals.requester_step'), records: null };
  const chain = steps.some((s) => s.stepKey === REQUESTER_STEP) ? [requester, ...review.chain] : review.chain;
  const labels = new Map(chain.map((s) => [s.key, s.label]));
  const labelOf = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester') : (labels.get(key) ?? key));
  const activeIndex = review.currentStep ? chain.findIndex((s) => s.key === review.currentStep) : ended ? chain.length : -1;
  return (
    <Stepper orientation="vertical" activeStep={activeIndex} aria-label={translate('resources.probation-reviews.sections.chain')}>
      {chain.map((link, index) => {
        const records = steps.filter((s) => s.stepKey === link.key);
        const rejected = records.some((s) => s.decision === 'reject');
        const approved = records.at(-1)?.decision === 'approve';
        return (
          <Step key={link.key} completed={approved} expanded data-chain-step={link.key} data-active={index === activeIndex || undefined}>
            <StepLabel error={rejected} optional={link.records ? <Typography variant="caption">{translate(`resources.probation-reviews.records.${link.records}`)}</Typography> : undefined}>
              {link.label}
            </StepLabel>
            <StepContent>
              {records.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {translate(index < activeIndex || ended ? 'resources.probation-reviews.chain.skipped' : 'resources.probation-reviews.chain.not_started')}
                </Typography>
              ) : (
                <Stack spacing={1}>
                  {records.map((step) => (
                    <StepRecord key={step.id} step={step} labelOf={labelOf} />
                  ))}
                </Stack>
              )}
            </StepContent>
          </Step>
        );
      })}
    </Stepper>
  );
};
