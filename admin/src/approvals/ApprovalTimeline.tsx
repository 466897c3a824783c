import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import CancelIcon from '@mui/icons-material/Cancel';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import BlockIcon from '@mui/icons-material/Block';
import UndoIcon from '@mui/icons-material/Undo';
import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { ApprovalStepPeople } from './ApprovalStepPeople';
import { REQUESTER_STEP, type ApprovalStep } from './types';

/** The icon of one step record: approved, rejected, returned, waiting, or superseded. */
export const StepIcon = ({ step }: { step: ApprovalStep }) => {
  if (step.decision === 'approve') return <CheckCircleIcon color="success" fontSize="small" />;
  if (step.decision === 'reject') return <CancelIcon color="error" fontSize="small" />;
  if (step.decision === 'return') return <UndoIcon color="warning" fontSize="small" />;
  if (step.status === 'pending') return <HourglassEmptyIcon color="warning" fontSize="small" />;
  return <BlockIcon color="disabled" fontSize="small" />;
};

/**
 * What happened at one asking of a step: who decided what, through which channel (控制台 /
 * 邮件 / API) and when, where a return sent it; or that it is still waiting, and until when.
 * Then everyone asked there, by stage, with their own decisions and comments.
 */
export const StepRecord = ({ step, labelOf = (key) => key }: { step: ApprovalStep; labelOf?: (stepKey: string) => string }) => {
  const translate = useTranslate();
  const at = useDateTime();
  const returnTo = step.decision === 'return' && step.returnTo
    ? translate('resources.approvals.timeline.returned_to', { step: step.returnTo === REQUESTER_STEP ? translate('resources.approvals.requester') : labelOf(step.returnTo) })
    : null;
  return (
    <Box data-step={step.stepKey} data-step-status={step.status} data-return-to={step.returnTo ?? undefined}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {step.attempt !== 'ask' && <Chip size="small" variant="outlined" label={translate(`resources.approvals.attempts.${step.attempt}`)} />}
        {step.decision ? (
          <Typography variant="body2">
            {translate(`resources.approvals.decisions.${step.decision}`)} · {step.decidedByName ?? '—'}
            {step.channel && ` · ${translate(`audit.channels.${step.channel}`, { _: step.channel })}`} · {at(step.decidedAt)}
            {returnTo && ` · ${returnTo}`}
          </Typography>
        ) : step.status === 'pending' ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.approvals.timeline.waiting', { time: at(step.dueAt) })}
          </Typography>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.approvals.timeline.cancelled')}
          </Typography>
        )}
      </Stack>
      {step.tasks?.length ? (
        <ApprovalStepPeople step={step} />
      ) : (
        step.comment && (
          <Typography variant="body2" sx={{ mt: 0.5, pl: 1, borderLeft: 3, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>
            {step.comment}
          </Typography>
        )
      )}
    </Box>
  );
};

/** The request's step records, oldest first, each under its step's name. */
export const ApprovalTimeline = ({ steps, labelOf }: { steps: readonly ApprovalStep[]; labelOf: (stepKey: string) => string }) => {
  const translate = useTranslate();
  if (steps.length === 0) return <Typography color="text.secondary">{translate('resources.approvals.timeline.empty')}</Typography>;
  return (
    <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('resources.approvals.fields.timeline')}>
      {steps.map((step) => (
        <Stack component="li" key={step.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Box sx={{ pt: 0.25 }}>
            <StepIcon step={step} />
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle2">{labelOf(step.stepKey)}</Typography>
            <StepRecord step={step} labelOf={labelOf} />
          </Box>
        </Stack>
      ))}
    </Stack>
  );
};
