import { Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { StepRecord } from '../approvals/ApprovalTimeline';
import { REQUESTER_STEP } from '../approvals/types';
import { RUNNING_STATUSES, type Requisition } from './types';

/**
 * The requisition's chain as a stepper, as a probation review's (ProbationReviewChain): each
 * step of its own chain (the policy version it was raised under, its headcount conditions
 * applied), with everyone asked there, what they decided, their comment, the channel and the
 * time; reminders and escalations as further records. A step asked only from a headcount on
 * says so. After a return to the requester, their resubmission leads the chain.
 */
export const RequisitionChain = ({ requisition }: { requisition: Requisition }) => {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.requisitions.${key}`, options);
  const steps = requisition.steps ?? [];
  const ended = !RUNNING_STATUSES.includes(requisition.status);
  const requester = { key: REQUESTER_STEP, label: translate('resources.approvals.requester_step'), minHeadcount: null };
  const chain = steps.some((s) => s.stepKey === REQUESTER_STEP) ? [requester, ...requisition.chain] : requisition.chain;
  const labels = new Map(chain.map((s) => [s.key, s.label]));
  const labelOf = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester') : (labels.get(key) ?? key));
  const activeIndex = requisition.currentStep ? chain.findIndex((s) => s.key === requisition.currentStep) : ended ? chain.length : -1;
  return (
    <Stepper orientation="vertical" activeStep={activeIndex} aria-label={t('sections.chain')} data-testid="requisition-chain">
      {chain.map((link, index) => {
        const records = steps.filter((s) => s.stepKey === link.key);
        const rejected = records.some((s) => s.decision === 'reject');
        const approved = records.at(-1)?.decision === 'approve';
        return (
          <Step key={link.key} completed={approved} expanded data-chain-step={link.key} data-active={index === activeIndex || undefined}>
            <StepLabel error={rejected} optional={link.minHeadcount && link.minHeadcount > 1 ? <Typography variant="caption">{t('chain.condition', { min: link.minHeadcount })}</Typography> : undefined}>
              {link.label}
            </StepLabel>
            <StepContent>
              {records.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t(index < activeIndex || ended ? 'chain.skipped' : 'chain.not_started')}
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
