import EventBusyIcon from '@mui/icons-material/EventBusy';
import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, BooleanInput, DateInput, Form, Title, required, useDataProvider, useGetIdentity, useNotify, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { useDateTime } from '../components/useDateTime';
import { useFormVerb } from '../components/useFormVerb';
import { usePeopleChoices } from '../components/usePeopleChoices';
import type { ConsoleDataProvider, Delegation, DelegationResult } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { companyToday, delegationBody, delegationDefaults, inForce, type DelegationFormValues } from './delegationForm';

const validateRequired = required();
const t = (key: string) => `resources.delegation.${key}`;

/**
 * 我的代理 (out of office): while I am away, my new approval tasks go to the person I name,
 * marked "代 me 审批"; optionally the ones I hold now move too. The API checks the dates and
 * the delegate and names the field of each problem, which shows under it.
 */
const DelegationPage = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }}>
      <Title title={translate(t('name'))} />
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate(t('name'))}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate(t('intro'))}
        </Typography>
        {identity ? <DelegationPanel userId={String(identity.id)} /> : <CircularProgress size={24} />}
      </CardContent>
    </Card>
  );
};

const DelegationPanel = ({ userId }: { userId: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const query = useConsoleQuery(`delegation:${userId}`, (dp) => dp.getDelegation(userId));
  const [result, setResult] = useState<DelegationResult | null>(null);
  const { choices, isPending } = usePeopleChoices({ enabled: true });
  const today = companyToday(new Date());
  const { submit, submitting } = useFormVerb(async (values: Partial<DelegationFormValues>) => {
    const { data } = await dataProvider.setDelegation(userId, delegationBody(values));
    setResult(data);
    notify(t('notifications.saved'), { type: 'success', messageArgs: { name: data.delegation.delegateName } });
    query.refetch();
    // Moved tasks leave my inbox: pages read before show them as they were.
    if (data.moved.length > 0) refresh();
  }, ['delegateId', 'from', 'to', 'movePending']);

  async function clear() {
    try {
      await dataProvider.clearDelegation(userId);
      setResult(null);
      notify(t('notifications.cleared'), { type: 'success' });
      query.refetch();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    }
  }

  if (query.error) return <Alert severity="error">{query.error.message}</Alert>;
  if (query.isPending) return <CircularProgress size={24} />;
  const current = query.data ?? null;
  return (
    <Stack spacing={2}>
      <CurrentDelegation delegation={current} active={inForce(current, today)} onClear={clear} />
      {result && <MoveReport result={result} />}
      <Form key={current?.setAt ?? 'none'} onSubmit={submit} defaultValues={delegationDefaults(current, today)}>
        <Stack>
          <AutocompleteInput source="delegateId" label={t('fields.delegateId')} choices={choices} optionText="label" isPending={isPending} validate={validateRequired} />
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
            <DateInput source="from" label={t('fields.from')} validate={validateRequired} />
            <DateInput source="to" label={t('fields.to')} validate={validateRequired} />
          </Box>
          <BooleanInput source="movePending" label={t('fields.movePending')} helperText={t('hints.movePending')} />
          <Button type="submit" variant="contained" startIcon={<EventBusyIcon />} disabled={submitting} sx={{ minHeight: 44, alignSelf: { xs: 'stretch', sm: 'flex-start' } }}>
            {translate(t('actions.save'))}
          </Button>
        </Stack>
      </Form>
    </Stack>
  );
};

/** Who acts for me and over which days, or that nobody does. */
const CurrentDelegation = ({ delegation, active, onClear }: { delegation: Delegation | null; active: boolean; onClear: () => void }) => {
  const translate = useTranslate();
  const at = useDateTime();
  if (!delegation) return <Alert severity="info" data-testid="delegation-current">{translate(t('none'))}</Alert>;
  return (
    <Alert
      severity={active ? 'warning' : 'info'}
      data-testid="delegation-current"
      action={
        <Button color="inherit" size="small" onClick={onClear}>
          {translate(t('actions.clear'))}
        </Button>
      }
    >
      {translate(t(active ? 'current' : 'scheduled'), { name: delegation.delegateName, from: delegation.from, to: delegation.to })}
      <Typography variant="caption" component="div">
        {translate(t('set_by'), { name: delegation.setByName, time: at(delegation.setAt) })}
      </Typography>
    </Alert>
  );
};

/** With "also move my pending tasks": how many moved, and how many stayed (the API says why per task). */
const MoveReport = ({ result }: { result: DelegationResult }) => {
  const translate = useTranslate();
  if (result.moved.length === 0 && result.failed.length === 0) return null;
  return (
    <Alert severity={result.failed.length ? 'warning' : 'success'} data-testid="delegation-moved">
      {translate(t('moved'), { moved: result.moved.length, name: result.delegation.delegateName })}
      {result.failed.length > 0 && <div>{translate(t('not_moved'), { failed: result.failed.length })}</div>}
    </Alert>
  );
};

export default DelegationPage;
