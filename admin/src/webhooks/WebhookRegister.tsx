import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { CheckboxGroupInput, TextInput, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { WEBHOOK_EVENTS, type RegisteredWebhook, type WebhookEvent } from './webhookMethods';

const t = (key: string) => `resources.webhooks.${key}`;
const validateRequired = required();

/** 登记 Webhook: the URL and the events, then the secret shown once (SecretDialog). */
export const WebhookRegister = ({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const [created, setCreated] = useState<RegisteredWebhook | null>(null);
  const { submit, submitting } = useFormVerb(async (values: { url: string; events: WebhookEvent[] }) => {
    const { data } = await dataProvider.registerWebhook({ url: values.url, events: values.events ?? [] });
    notify(t('registered'), { type: 'success' });
    setCreated(data);
    onClose();
    onRegistered();
  }, ['url', 'events']);
  const choices = WEBHOOK_EVENTS.map((id) => ({ id, name: translate(t(`events.${id}`)) }));
  return (
    <>
      <FormDialog id="webhook-register" open={open} onClose={onClose} title={translate(t('register'))} submitLabel={t('register')} submitting={submitting} onSubmit={submit} defaultValues={{ url: '', events: [...WEBHOOK_EVENTS] }}>
        <TextInput source="url" label={t('fields.url')} helperText={t('hints.url')} validate={validateRequired} fullWidth autoFocus />
        <CheckboxGroupInput source="events" label={t('fields.events')} choices={choices} validate={validateRequired} row={false} />
      </FormDialog>
      {created && <SecretDialog secret={created.secret} onClose={() => setCreated(null)} />}
    </>
  );
};

/** The secret, once: copy it now, it is never shown again. */
const SecretDialog = ({ secret, onClose }: { secret: string; onClose: () => void }) => {
  const translate = useTranslate();
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard.writeText(secret);
    setCopied(true);
  }
  return (
    <Dialog open onClose={undefined} fullWidth maxWidth="sm" aria-labelledby="webhook-secret-title">
      <DialogTitle id="webhook-secret-title">{translate(t('secret.title'))}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning">{translate(t('secret.text'))}</Alert>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField value={secret} fullWidth size="small" multiline slotProps={{ htmlInput: { readOnly: true, 'data-secret': true, style: { fontFamily: 'monospace', wordBreak: 'break-all' } } }} onFocus={(e) => e.target.select()} />
            <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()} variant="outlined" sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
              {translate(t(copied ? 'secret.copied' : 'secret.copy'))}
            </Button>
          </Stack>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate(t('secret.done'))}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
