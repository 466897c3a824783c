import { Box, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { useNow } from '../components/useNow';
import { slaOf } from './sla';
import type { ApprovalTask } from './types';

/**
 * When a task is due, and for an open one (pending, or waiting its turn) the countdown
 * (剩余 1 天 3 小时), red once overdue. A decided task shows when it was decided instead, a
 * CC notice when it was sent. `inline` is the countdown alone in the grid's font, the due time
 * in its tooltip: a grid row is one line high and the column has room for one of the two.
 */
export const ApprovalDueField = ({ record: given, inline = false }: { record?: ApprovalTask; label?: string; inline?: boolean }) => {
  const record = useRecordContext<ApprovalTask>({ record: given });
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const now = useNow();
  if (!record) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  if (record.status !== 'pending' && record.status !== 'waiting') {
    const at = record.status === 'cc' ? record.createdAt : record.decidedAt;
    return (
      <Typography variant="body2" component="span" color="text.secondary">
        {at ? time.format(new Date(at)) : '—'}
      </Typography>
    );
  }
  const sla = slaOf(record.dueAt, now);
  const span = translate(`resources.approvals.sla.${sla.key}`, { days: sla.days, hours: sla.hours, minutes: sla.minutes });
  const countdown = translate(sla.overdue ? 'resources.approvals.sla.overdue' : 'resources.approvals.sla.left', { time: span });
  if (inline) {
    return (
      <Box component="span" title={time.format(new Date(record.dueAt))} data-overdue={sla.overdue || undefined} sx={{ color: sla.overdue ? 'error.main' : undefined, fontWeight: sla.overdue ? 600 : undefined }}>
        {countdown}
      </Box>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }} data-overdue={sla.overdue || undefined}>
      <Typography variant="body2" component="span" color={sla.overdue ? 'error' : 'text.primary'} sx={{ fontWeight: sla.overdue ? 600 : 400 }}>
        {countdown}
      </Typography>
      <Typography variant="caption" component="span" color="text.secondary">
        {time.format(new Date(record.dueAt))}
      </Typography>
    </Box>
  );
};
