import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, Card, CardContent, Chip, CircularProgress, Collapse, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Confirm, Title, useDataProvider, useNotify, useTranslate, type HttpError } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { WebhookDeliveries } from './WebhookDeliveries';
import { WebhookRegister } from './WebhookRegister';
import type { Webhook } from './webhookMethods';

const t = (key: string) => `resources.webhooks.${key}`;

/** 集成 / Webhooks: the receivers, each with its events and its deliveries (#13, docs/webhooks.md). */
const WebhooksPage = () => {
  const translate = useTranslate();
  const [round, setRound] = useState(0);
  const [registering, setRegistering] = useState(false);
  const query = useConsoleQuery(`webhooks:${round}`, (dp) => dp.listWebhooks());
  const reload = () => setRound((r) => r + 1);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(t('name'))} />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ justifyContent: 'space-between', alignItems: { sm: 'center' } }}>
          <Typography variant="h6" component="h2">{translate(t('name'))}</Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setRegistering(true)}>{translate(t('register'))}</Button>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ my: 2, maxWidth: 900 }}>{translate(t('intro'))}</Typography>
        {query.error ? <Alert severity="error">{query.error.message}</Alert>
          : query.isPending || !query.data ? <CircularProgress size={24} />
            : query.data.length === 0 ? <Typography color="text.secondary">{translate(t('empty'))}</Typography>
              : <Stack spacing={2}>{query.data.map((hook) => <WebhookRow key={hook.id} hook={hook} onDeleted={reload} />)}</Stack>}
        <WebhookRegister open={registering} onClose={() => setRegistering(false)} onRegistered={reload} />
      </CardContent>
    </Card>
  );
};

const WebhookRow = ({ hook, onDeleted }: { hook: Webhook; onDeleted: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const format = useDateTime();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  async function remove() {
    try {
      await dataProvider.deleteWebhook(hook.id);
      notify(t('deleted'), { type: 'success' });
      onDeleted();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setConfirming(false);
    }
  }
  return (
    <Box data-webhook={hook.id} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={1} sx={{ justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{hook.url}</Typography>
          <Stack direction="row" spacing={0.5} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
            {hook.events.map((e) => <Chip key={e} size="small" label={translate(t(`events.${e}`))} />)}
          </Stack>
          <Typography variant="caption" color="text.secondary">{translate(t('fields.createdAt'))}: {format(hook.createdAt)}</Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Button size="small" onClick={() => setOpen((o) => !o)}>{translate(t(open ? 'deliveries.hide' : 'deliveries.show'))}</Button>
          <Button size="small" color="error" startIcon={<DeleteIcon />} onClick={() => setConfirming(true)}>{translate('ra.action.delete')}</Button>
        </Stack>
      </Stack>
      <Collapse in={open} unmountOnExit>
        <Box sx={{ mt: 2 }}><WebhookDeliveries webhookId={hook.id} /></Box>
      </Collapse>
      <Confirm isOpen={confirming} title={t('name')} content={t('delete_confirm')} translateOptions={{ url: hook.url }} onConfirm={() => void remove()} onClose={() => setConfirming(false)} />
    </Box>
  );
};

export default WebhooksPage;
