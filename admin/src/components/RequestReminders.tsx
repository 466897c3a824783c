import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import { REQUESTER_STEP } from '../approvals/types';
import { pendingApprovers, type RemindableRequest } from '../probation-reviews/pendingApprovers';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useDateTime } from './useDateTime';

/**
 * 催办 on a request's page, whatever its kind: who it waits for at its pending step, and a
 * button that reminds them where the reader may (`can.remind`: the requester, HR for a request
 * the system started, anyone above the approver). Too soon after the last reminder (429
 * APPROVAL.REMIND_TOO_SOON): the server's message, as a warning. `resource` names the words
 * (`resources.<resource>.remind.*`); `running`, the statuses in which the request's chain runs.
 */
export const RequestReminders = ({ request, resource, running }: {
  request: RemindableRequest & { can?: { remind: readonly string[] } };
  resource: string;
  running?: readonly string[];
}) => {
  const translate = useTranslate();
  const when = useDateTime();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<string | null>(null);
  const otherLabel = (key: string) => (key === REQUESTER_STEP ? translate('resources.approvals.requester_step') : undefined);
  const rows = pendingApprovers(request, otherLabel, running);
  if (rows.length === 0) return null;
  const t = (key: string, options?: Record<string, unknown>) => translate(`resources.${resource}.remind.${key}`, options);

  async function remind(taskId: string, name: string) {
    setBusy(taskId);
    try {
      await dataProvider.remind(taskId);
      notify(`resources.${resource}.remind.done`, { type: 'success', messageArgs: { name } });
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
          {request.can?.remind.includes(row.id) && (
            <Button size="small" variant="outlined" startIcon={<NotificationsActiveIcon />} disabled={busy !== null} onClick={() => remind(row.id, row.approverName)} sx={{ minHeight: 40 }}>
              {t('action')}
            </Button>
          )}
        </Stack>
      ))}
    </Stack>
  );
};
