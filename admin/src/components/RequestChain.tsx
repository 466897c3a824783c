import { Stack, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { StepRecord } from '../approvals/ApprovalTimeline';
import { REQUESTER_STEP, type ApprovalStep } from '../approvals/types';

/**
 * A request's approval chain as a stepper, whatever its kind: each step of its own chain (the
 * policy version it started under), with everyone asked there — by stage for 加签 and 会签 —
 * what they decided, their comment, the channel (控制台 / 邮件 / API) and the time; reminders and
 * escalations as further records of the same step. After a return to the requester
 * (退回给发起人), their resubmission leads the chain, as the chain starts again.
 *
 * `resource` names the words (`resources.<resource>.sections.chain`, `.chain.skipped`,
 * `.chain.not_started`); `note` is what a step says under its name (what it records, from which
 * headcount it is asked).
 */
export function RequestChain<S extends { key: string; label: string }>({ request, resource, running, note, testId }: {
  request: { status: string; currentStep: string | null; chain: readonly S[]; steps?: ApprovalStep[] };
  resource: string;
  /** The statuses in which the request's chain runs. */
  running: readonly string[];
  note?: (step: S) => ReactNode;
  testId?: string;
}) {
  const translate = useTranslate();
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.${resource}.${key}`, options);
  const steps = request.steps ?? [];
  const ended = !running.includes(request.status);
  const requester = { key: REQUESTER_STEP, label: translate('resources.approvals.requester_step') };
  const chain: { key: string; label: string; own?: S }[] = [
    ...(steps.some((s) => s.stepKey === REQUESTER_STEP) ? [requester] : []),
    ...request.chain.map((s) => ({ key: s.key, label: s.label, own: s })),
  ];
  const labels = new Map(chain.map((s) => [s.key, s.label]));
  const labelOf = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester') : (labels.get(key) ?? key));
  const activeIndex = request.currentStep ? chain.findIndex((s) => s.key === request.currentStep) : ended ? chain.length : -1;
  return (
    <Stepper orientation="vertical" activeStep={activeIndex} aria-label={t('sections.chain')} {...(testId ? { 'data-testid': testId } : {})}>
      {chain.map((link, index) => {
        const records = steps.filter((s) => s.stepKey === link.key);
        const rejected = records.some((s) => s.decision === 'reject');
        const approved = records.at(-1)?.decision === 'approve';
        const said = link.own && note ? note(link.own) : undefined;
        return (
          <Step key={link.key} completed={approved} expanded data-chain-step={link.key} data-active={index === activeIndex || undefined}>
            <StepLabel error={rejected} optional={said ? <Typography variant="caption">{said}</Typography> : undefined}>
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
}
