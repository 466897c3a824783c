import { Alert, Box, Button, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { Form, HttpError, SaveButton, Title, Toolbar, useDataProvider, useGetMany, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canEditPolicy } from '../providers/authProvider';
import type { ConsoleDataProvider, PolicyRecord } from '../providers/consoleMethods';
import { useConsoleQuery } from '../providers/useConsoleQuery';
import { splitFormErrors } from './formErrors';
import { GroupErrors, PolicyFormContext, type PolicyFormInfo } from './PolicyFormContext';
import { useDateTime } from './useDateTime';

/**
 * One policy (GET/PUT /policies/{name}) as a form. HR and admins save a new version (the
 * version read goes with it: a colleague's save in between gives a 409, never a silent
 * overwrite); everyone else reads it. Values that fill a gap in the source documents are
 * marked; server errors go under their input, or to the section (`groups`) or the top.
 */
export const PolicyEditor = ({
  name,
  title,
  isInput,
  toSave,
  toForm,
  groups = [],
  children,
}: {
  name: string;
  /** The page's title (a catalog key). */
  title: string;
  /** Whether a server error's path (`values.stepDueHours`) belongs to an input. */
  isInput: (path: string) => boolean;
  /** The form's values as the API takes them. */
  toSave: (values: Record<string, unknown>) => Record<string, unknown>;
  /** The stored values as the form starts from them (a value newer than the stored version, from the defaults). */
  toForm?: (values: Record<string, unknown>, defaults: Record<string, unknown>) => Record<string, unknown>;
  groups?: readonly string[];
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const { permissions } = usePermissions<string[]>();
  const readOnly = !canEditPolicy(permissions);
  const query = useConsoleQuery(`policy:${name}`, (dp) => dp.getPolicy(name));
  const [saved, setSaved] = useState<PolicyRecord | null>(null);
  const [stale, setStale] = useState<string | null>(null);
  const [others, setOthers] = useState<Record<string, string>>({});
  const policy = saved ?? query.data;

  const record = useMemo(
    () => (policy ? { id: name, values: toForm ? toForm(policy.values, policy.defaults ?? {}) : policy.values, version: policy.version } : undefined),
    [policy, name, toForm],
  );
  const info: PolicyFormInfo = useMemo(() => ({ gaps: policy?.gaps ?? [], readOnly, others, groups }), [policy?.gaps, readOnly, others, groups]);

  if (query.error && !policy) return <Alert severity="error">{query.error.message}</Alert>;
  if (!policy || !record) return <CircularProgress size={24} sx={{ m: 2 }} />;

  async function save(form: Record<string, unknown>) {
    if (!policy) return undefined;
    setOthers({});
    try {
      const { data } = await dataProvider.savePolicy(name, { values: toSave(form.values as Record<string, unknown>), version: policy.version });
      setSaved(data);
      setStale(null);
      notify('app.policy.saved', { type: 'success', messageArgs: { version: data.version } });
      return undefined;
    } catch (error) {
      const e = error as HttpError;
      notify(e.message, { type: 'error' });
      if (e.status === 409) {
        setStale(e.message);
        return undefined;
      }
      const { inputs, others: rest } = splitFormErrors((e.body as { errors?: unknown } | null)?.errors, isInput);
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
      <Title title={translate(title)} />
      <CardContent>
        <PolicyVersion policy={policy} title={title} />
        {readOnly && (
          <Alert severity="info" sx={{ my: 1 }}>
            {translate('app.policy.read_only')}
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
              {children}
            </Stack>
            {!readOnly && (
              <Toolbar sx={{ mt: 2, position: 'sticky', bottom: 0, zIndex: 1 }}>
                <SaveButton label="app.policy.save" />
              </Toolbar>
            )}
          </Form>
        </PolicyFormContext.Provider>
      </CardContent>
    </Card>
  );
};

/** 第 3 版 · 王芳 保存于 2026年11月2日 10:00 */
const PolicyVersion = ({ policy, title }: { policy: PolicyRecord; title: string }) => {
  const translate = useTranslate();
  const at = useDateTime();
  const ids = policy.updatedBy ? [policy.updatedBy] : [];
  // The API gives the saver's user id; the directory has their name.
  const { data: people } = useGetMany<{ id: string; name: string }>('user-directory', { ids }, { enabled: ids.length > 0 });
  const who = policy.updatedBy ? (people?.[0]?.name ?? policy.updatedBy) : translate('app.policy.seeded');
  return (
    <Box>
      <Typography variant="h6" component="h2">
        {translate(title)}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="policy-version">
        {translate('app.policy.version', { version: policy.version, name: who, time: at(policy.updatedAt) })}
      </Typography>
    </Box>
  );
};
