import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, Box, Button, Chip, CircularProgress, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import type { WebhookAttempt, WebhookDelivery } from './webhookMethods';

const t = (key: string) => `resources.webhooks.${key}`;
const STATE_COLOR = { pending: 'warning', delivered: 'success', failed: 'error', cancelled: 'default' } as const;

/** One webhook's deliveries, newest first, with each one's last answer and 重新发送. */
export const WebhookDeliveries = ({ webhookId }: { webhookId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const format = useDateTime();
  const [round, setRound] = useState(0);
  const [more, setMore] = useState<{ items: WebhookDelivery[]; cursor: string | null } | null>(null);
  const [replaying, setReplaying] = useState<string | null>(null);
  const query = useConsoleQuery(`webhook-deliveries:${webhookId}:${round}`, (dp) => dp.listWebhookDeliveries(webhookId).then((r) => ({ data: r })));

  async function replay(d: WebhookDelivery) {
    setReplaying(d.id);
    try {
      const { data } = await dataProvider.replayWebhookDelivery(webhookId, d.id);
      notify(t('deliveries.replayed'), { type: data.state === 'delivered' ? 'success' : 'warning', messageArgs: { result: answerOf(data.attempts.at(-1)) } });
      setMore(null);
      setRound((r) => r + 1);
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setReplaying(null);
    }
  }

  async function loadMore(cursor: string) {
    const { data, nextCursor } = await dataProvider.listWebhookDeliveries(webhookId, cursor);
    setMore((m) => ({ items: [...(m?.items ?? []), ...data], cursor: nextCursor }));
  }

  const answerOf = (a: WebhookAttempt | undefined) =>
    !a ? '—' : [a.status ?? translate(t('deliveries.no_answer')), a.error, a.excerpt].filter(Boolean).join(' · ');

  if (query.error) return <Alert severity="error">{query.error.message}</Alert>;
  if (query.isPending || !query.data) return <CircularProgress size={20} />;
  const items = [...query.data.data, ...(more?.items ?? [])];
  const cursor = more ? more.cursor : query.data.nextCursor;
  if (items.length === 0) return <Typography variant="body2" color="text.secondary">{translate(t('deliveries.empty'))}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-deliveries={webhookId}>
        <TableHead>
          <TableRow>
            {['event', 'state', 'createdAt', 'attempts', 'last', 'nextAt'].map((k) => <TableCell key={k}>{translate(t(`deliveries.${k}`))}</TableCell>)}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((d) => (
            <TableRow key={d.id} data-delivery={d.id}>
              <TableCell>
                <Tooltip title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.body}</pre>}>
                  <span>{translate(t(`events.${d.eventType}`))}</span>
                </Tooltip>
              </TableCell>
              <TableCell><Chip size="small" color={STATE_COLOR[d.state]} label={translate(t(`deliveries.states.${d.state}`))} /></TableCell>
              <TableCell>{format(d.createdAt)}</TableCell>
              <TableCell>{d.attempts.length}</TableCell>
              <TableCell sx={{ maxWidth: 320, wordBreak: 'break-word' }}>{answerOf(d.attempts.at(-1))}</TableCell>
              <TableCell>{d.state === 'pending' ? format(d.nextAt) : '—'}</TableCell>
              <TableCell>
                <Button size="small" startIcon={<ReplayIcon />} disabled={replaying !== null} onClick={() => void replay(d)}>
                  {translate(t('deliveries.replay'))}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {cursor && <Button size="small" onClick={() => void loadMore(cursor)}>{translate(t('deliveries.more'))}</Button>}
    </Box>
  );
};
