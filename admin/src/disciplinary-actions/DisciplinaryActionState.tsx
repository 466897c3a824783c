import { Alert, Box, Stack, type AlertColor } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { formatDay } from '../resignations/notice';
import { showPath } from './actions';
import { deadlineText, nextDeadline } from './deadline';
import type { DisciplinaryAction } from './types';

const key = (path: string) => `resources.disciplinary-actions.${path}`;

/**
 * Where the action stands, in a sentence: what it waits for and by when (the same deadline as
 * the list's), how it ended (in effect, voided and why, dismissed), and whether it still counts
 * on its own (rolled up into a later action, or counting again after one was voided).
 */
export const DisciplinaryActionState = ({ record }: { record: DisciplinaryAction }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const when = useDateTime();
  const day = (d: string) => formatDay(d, locale);
  const deadline = deadlineText(nextDeadline(record), translate, when, day);
  const said: Array<[AlertColor, string, string]> = [];
  const say = (severity: AlertColor, text: string, id: string) => said.push([severity, text, id]);
  switch (record.status) {
    case 'pending_signature':
      say('warning', translate(key(record.refusal ? 'state.refused' : 'state.pending_signature'), { deadline }), 'pending');
      break;
    case 'appeal_window':
      say('info', translate(key('state.appeal_window'), { deadline }), 'appeal');
      break;
    case 'under_appeal':
      say('info', translate(key('state.under_appeal'), { names: record.appeal?.reviewerNames.join('、') || '—', deadline }), 'appeal');
      break;
    case 'effective':
      say('success', translate(key('state.effective'), { time: when(record.effectiveAt), until: day(record.countsUntil) }), 'effective');
      break;
    case 'expired':
      say('info', translate(key('state.expired'), { until: day(record.countsUntil) }), 'expired');
      break;
    case 'voided':
      say('info', translate(key(`state.voided_${record.voided?.reason ?? 'appeal_upheld'}`), { time: when(record.voided?.at) }), 'voided');
      break;
    case 'dismissal_pending':
      say('warning', translate(key('state.dismissal_pending')), 'dismissal');
      break;
    case 'dismissed':
      say('error', translate(key('state.dismissed'), { time: when(record.dismissal?.decidedAt) }), 'dismissal');
      break;
  }
  if (record.dismissal?.status === 'rejected' && record.level !== 'dismissal') say('info', translate(key('state.dismissal_rejected'), { comment: record.dismissal.comment ?? '—' }), 'dismissal-rejected');
  return (
    <Stack spacing={1} data-testid="discipline-state" data-status={record.status}>
      {said.map(([severity, text, id]) => (
        <Alert key={id} severity={severity}>
          {text}
        </Alert>
      ))}
      {record.dismissal?.offboardingId && (
        <Box>
          <Link to={`/offboardings/${encodeURIComponent(record.dismissal.offboardingId)}/show`}>{translate(key('state.offboarding_link'))}</Link>
        </Box>
      )}
      {record.rolledUpInto && (
        <Alert severity="info" data-testid="discipline-rolled-up">
          {translate(key('state.rolled_up'))} <Link to={showPath(record.rolledUpInto)}>{translate(key('state.open_action'))}</Link>
        </Alert>
      )}
      {record.restored && (
        <Alert severity="info">
          {translate(key('state.restored'), { time: when(record.restored.at) })} <Link to={showPath(record.restored.fromActionId)}>{translate(key('state.open_action'))}</Link>
        </Alert>
      )}
    </Stack>
  );
};
