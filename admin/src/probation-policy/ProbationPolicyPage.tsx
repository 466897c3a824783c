import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import {
  Form,
  HttpError,
  SaveButton,
  Title,
  Toolbar,
  useDataProvider,
  useGetMany,
  useLocaleState,
  useNotify,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { splitFormErrors } from '../components/formErrors';
import { canEditPolicy } from '../providers/authProvider';
import type { ConsoleDataProvider, PolicyRecord } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { GroupErrors, PolicyFormContext, type PolicyFormInfo } from './PolicyFormContext';
import { PolicyBandsInput } from './PolicyBandsInput';
import { PolicyChainInput } from './PolicyChainInput';
import { PolicyGeneralInputs } from './PolicyGeneralInputs';
import { isPolicyInput, toSaveValues } from './policyForm';

/**
 * 转正制度: the probation policy as a form. HR and admins save a new version (the version
 * read goes with it: a colleague's save in between gives a 409, never a silent overwrite);
 * everyone else reads it. Values that fill a gap in the source documents are marked.
 */
const ProbationPolicyPage = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { permissions } = usePermissions<string[]>();
  const readOnly = !canEditPolicy(permissions);
  const query = useConsoleQuery('policy:probation', (dp) => dp.getPolicy('probation'));
  const [saved, setSaved] = useState<PolicyRecord | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [others, setOthers] = useState<Record<string, string>>({});
  const policy = saved ?? query.data;

  const record = useMemo(() => (policy ? { id: 'probation', values: policy.values, version: policy.version } : undefined), [policy]);
  const info: PolicyFormInfo = useMemo(() => ({ gaps: policy?.gaps ?? [], readOnly, others }), [policy?.gaps, readOnly, others]);

  if (query.error && !policy) return <Alert severity="error">{query.error.message}</Alert>;
  if (!policy || !record) return <CircularProgress size={24} sx={{ m: 2 }} />;

  async function save(form: Record<string, unknown>) {
    if (!policy) return undefined;
    setOthers({});
    try {
      const { data } = await dataProvider.savePolicy('probation', { values: toSaveValues(form.values as Record<string, unknown>) as unknown as Record<string, unknown>, version: policy.version });
      setSaved(data);
      setStale(null);
      notify('resources.probation-policy.notifications.saved', { type: 'success', messageArgs: { version: data.version } });
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      notify(e.message, { type: 'error' });
      if (e.status === 409) {
        setStale(e.message);
        return undefined;
      }
      const { inputs, others: rest } = splitFormErrors((e.body as { errors?: unknown } | null)?.errors, isPolicyInput);
      setOthers(rest);
      return inputs;
    }
  }

  const reload = () => {
    setSaved(null);
    setStale(null);
    setOthers({});
    query.refetch();
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.probation-policy.name')} />
      <CardContent>
        <PolicyVersion policy={policy} />
        {readOnly && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('resources.probation-policy.read_only')}
          </Alert>
        )}
        {stale && (
          <Alert severity="warning" sx={{ my: 1 }} action={<Button onClick={reload}>{translate('ra.action.refresh')}</Button>}>
            {stale}
          </Alert>
        )}
        <PolicyFormContext.Provider value={info}>
          <Form record={record} onSubmit={save}>
            <Stack spacing={3} sx={{ mt: 2 }}>
              <GroupErrors rest />
              <PolicyGeneralInputs />
              <PolicyBandsInput />
              <PolicyChainInput />
            </Stack>
            {!readOnly && (
              <Toolbar sx={{ mt: 2, position: 'sticky', bottom: 0, zIndex: 1 }}>
                <SaveButton label="resources.probation-policy.actions.save" />
              </Toolbar>
            )}
          </Form>
        </PolicyFormContext.Provider>
      </CardContent>
    </Card>
  );
};

/** 第 3 版 · 王芳 保存于 2026年11月2日 10:00 */
const PolicyVersion = ({ policy }: { policy: PolicyRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const ids = policy.updatedBy ? [policy.updatedBy] : [];
  // The API gives the saver's user id; the directory has their name.
  const { data: people } = useGetMany<{ id: string; name: string }>('user-directory', { ids }, { enabled: ids.length > 0 });
  const who = policy.updatedBy ? (people?.[0]?.name ?? policy.updatedBy) : translate('resources.probation-policy.seeded');
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(policy.updatedAt));
  return (
    <Box>
      <Typography variant="h6" component="h1">
        {translate('resources.probation-policy.name')}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="policy-version">
        {translate('resources.probation-policy.version', { version: policy.version, name: who, time: when })}
      </Typography>
    </Box>
  );
};

export default ProbationPolicyPage;
