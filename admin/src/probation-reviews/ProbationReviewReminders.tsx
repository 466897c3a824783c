import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { HttpError, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { REQUESTER_STEP } from '../approvals/types';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { pendingApprovers } from './pendingApprovers';
import type { ProbationReview } from './types';

/**
 * 催办: who the review waits for at its pending step; a button reminds them where the reader
 * may (`can.remind`: the requester, HR for a review the system started, anyone above the
 * approver). Too soon after the last reminder (429 APPROVAL.REMIND_TOO_SOON): the server's
 * message, as a notification.
 */
export const ProbationReviewReminders = ({ review }: { review: ProbationReview }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState<string | null>(null);
  const rows = pendingApprovers(review, (key) => (key === REQUESTER_STEP ? translate('resources.approvals.requester_step') : undefined));
  if (rows.length === 0) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  async function remind(taskId: string, name: string) {
    setBusy(taskId);
    try {
      await dataProvider.remind(taskId);
      notify('resources.probation-reviews.remind.done', { type: 'success', messageArgs: { name } });
      refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: (error as HttpError).status === 429 ? 'warning' : 'error' });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack component="ul" spacing={1} sx={{ listStyle: 'none', p: 0, m: 0 }} aria-label={translate('resources.probation-reviews.remind.waiting_for')}>
      {rows.map((row) => (
        <Stack component="li" key={row.id} direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-task={row.id}>
          <Typography variant="body2" sx={{ flex: 1, minWidth: 0 }}>
            {row.approverName} · {row.stepLabel}
            <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
              {row.lastRemindedAt
                ? translate('resources.probation-reviews.remind.last', { time: time.format(new Date(row.lastRemindedAt)) })
                : translate('resources.probation-reviews.remind.never')}
            </Typography>
          </Typography>
          {review.can?.remind.includes(row.id) && (
            <Button
              size="small"
              variant="outlined"
              startIcon={<NotificationsActiveIcon />}
              disabled={busy !== null}
              onClick={() => remind(row.id, row.approverName)}
              sx={{ minHeight: 40 }}
            >
              {translate('resources.probation-reviews.remind.action')}
            </Button>
          )}
        </Stack>
      ))}
    </Stack>
  );
};
