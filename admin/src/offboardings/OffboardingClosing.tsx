import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Box, Button, List, ListItem, ListItemIcon, ListItemText, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { TextInput, maxLength, required, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { FormDialog } from '../components/FormDialog';
import { useFormVerb } from '../components/useFormVerb';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { CLOSE_REQUIREMENTS, type Offboarding } from './types';
import { useOffboardingVerb, useShowOffboarding } from './useOffboardingVerb';

const key = (path: string) => `resources.offboardings.${path}`;
const validateReason = [required(), maxLength(2000)];

/**
 * 办结 and 撤销 (HR). What closing needs, as a checklist the API's `closeBlockers` ticks: the last
 * day has passed (its work has run), every handover item is signed, the inventory is checked and
 * the exit form is complete. 办结 asks the API, which refuses (409) naming what is missing; 撤销
 * records the agreement that ends the record, before the last day has passed.
 */
export const OffboardingClosing = ({ record }: { record: Offboarding }) => {
  const translate = useTranslate();
  const { run, busy } = useOffboardingVerb();
  const [cancelling, setCancelling] = useState(false);
  const missing = new Set(record.can.closeBlockers.map((b) => b.field));
  return (
    <Box data-testid="offboarding-closing">
      <List dense disablePadding aria-label={translate(key('closing.checklist'))} data-testid="close-checklist">
        {CLOSE_REQUIREMENTS.map((field) => {
          const done = !missing.has(field);
          return (
            <ListItem key={field} disableGutters data-requirement={field} data-done={done}>
              <ListItemIcon sx={{ minWidth: 32 }}>
                {done ? <CheckCircleIcon color="success" fontSize="small" /> : <RadioButtonUncheckedIcon color="warning" fontSize="small" />}
              </ListItemIcon>
              <ListItemText primary={translate(key(`closing.requirements.${field}`))} secondary={translate(key(done ? 'closing.done' : 'closing.missing'))} />
            </ListItem>
          );
        })}
      </List>
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="contained"
          startIcon={<DoneAllIcon />}
          disabled={busy !== null}
          onClick={() => void run('close', (dp) => dp.closeOffboarding(String(record.id)), key('closing.closed'))}
        >
          {translate(key('closing.close'))}
        </Button>
        {record.can.cancel && (
          <Button color="warning" startIcon={<CancelIcon />} onClick={() => setCancelling(true)}>
            {translate(key('closing.cancel'))}
          </Button>
        )}
      </Stack>
      {!record.can.close && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          {translate(key('closing.blocked_hint'))}
        </Typography>
      )}
      {record.can.cancel && <CancelDialog record={record} open={cancelling} onClose={() => setCancelling(false)} />}
    </Box>
  );
};

/** 撤销: why the leaving is off (the employee stays by agreement with the department). */
const CancelDialog = ({ record, open, onClose }: { record: Offboarding; open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const show = useShowOffboarding();
  const { submit, submitting } = useFormVerb(async (values: { reason?: string }) => {
    show((await dataProvider.cancelOffboarding(String(record.id), (values.reason ?? '').trim())).data);
    notify(key('closing.cancelled'), { type: 'success' });
    onClose();
  }, ['reason']);
  return (
    <FormDialog
      id="offboarding-cancel"
      open={open}
      onClose={onClose}
      title={translate(key('closing.cancel_title'), { name: record.employeeName })}
      submitLabel={key('closing.cancel_submit')}
      submitting={submitting}
      onSubmit={submit}
      defaultValues={{ reason: '' }}
    >
      <Typography variant="body2" sx={{ mb: 1 }}>
        {translate(key('closing.cancel_content'))}
      </Typography>
      <TextInput source="reason" label={key('fields.cancelReason')} validate={validateReason} multiline minRows={2} fullWidth />
    </FormDialog>
  );
};
