import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { REQUESTER_STEP } from '../approvals/types';
import { useDateTime } from '../components/useDateTime';
import { pendingApprovers } from '../probation-reviews/pendingApprovers';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { RUNNING_STATUSES, type Requisition } from './types';

/**
 * 催办: who the requisition waits for at its pending step; a button reminds them where the reader
 * may (`can.remind`: the requester, anyone above the approver). Too soon after the last reminder
 * (429 APPROVAL.REMIND_TOO_SOON): the server's message, as a warning.
 */
export const RequisitionReminders = ({ requisition }: { requisition: Requisition }) => {
  const translate = useTranslate();
  const when = useDateTime();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<string | null>(null);
  const otherLabel = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester_step') : undefined);
  const rows = pendingApprovers(requisition, otherLabel, RUNNING_STATUSES);
  if (rows.length === 0) return null;
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.requisitions.remind.${key}`, options);

  async function remind(taskId: string, name: string) {
    setBusy(taskId);
    try {
      await dataProvider.remind(taskId);
      notify('resources.requisitions.remind.done', { type: 'success', messageArgs: { name } });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: (error as HttpError).status === 429 ? 'warning' : 'error' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={t('waiting_for')}>
      {rows.map((row) => (
        <Stack component="li" key={row.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-task={row.id}>
          <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }}>
            {row.approverName} · {row.stepLabel}
            <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
              {row.lastRemindedAt ? t('last', { time: when(row.lastRemindedAt) }) : t('never')}
            </Typography>
          </Typography>
          {requisition.can?.remind.includes(row.id) && (
            <Button size="small" variant="outlined" startIcon={<NotificationsActiveIcon />} disabled={busy !== null} onClick={() => remind(row.id, row.approverName)} sx={{ minHeight: 40 }}>
              {t('action')}
            </Button>
          )}
        </Stack>
      ))}
    </Stack>
  );
};
