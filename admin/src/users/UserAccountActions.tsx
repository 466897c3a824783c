import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { Confirm, useDataProvider, useGetIdentity, useNotify, useRefresh, useTranslate, type HttpError } from 'react-admin';
import { canManageAccounts } from '../providers/authProvider';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import type { Account } from './types';

type Verb = 'reset' | 'disable' | 'enable';

/**
 * 重置密码 / 停用 / 启用 on an account's row, for administrators (the API's users:write); each
 * asks first, saying what it does to the account's sessions and keys.
 */
export const UserAccountActions = ({ record }: { record: Account }) => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Verb | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canManageAccounts(identity?.roles as string[] | undefined)) return null;
  const self = identity?.id === record.id;
  const args = { name: record.name, email: record.email };

  async function run(verb: Verb) {
    setBusy(true);
    try {
      if (verb === 'reset') await dataProvider.sendPasswordReset(record.id);
      else if (verb === 'disable') await dataProvider.disableUser(record.id);
      else await dataProvider.enableUser(record.id);
      notify(`resources.users.actions.${verb === 'reset' ? 'reset_sent' : verb === 'disable' ? 'disabled' : 'enabled'}`, { type: 'success', messageArgs: args });
      if (verb !== 'reset') refresh();
    } catch (error) {
      notify((error as HttpError).message, { type: 'error' });
    } finally {
      setBusy(false);
      setAsking(null);
    }
  }

  const button = (verb: Verb) => (
    <Button key={verb} size="small" variant="outlined" color={verb === 'disable' ? 'error' : 'primary'} disabled={busy} data-action={verb} onClick={(e) => { e.stopPropagation(); setAsking(verb); }}>
      {translate(`resources.users.actions.${verb}`)}
    </Button>
  );
  return (
    <Stack direction="row" spacing={1} onClick={(e) => e.stopPropagation()}>
      {record.status === 'active' && button('reset')}
      {record.status === 'active' ? !self && button('disable') : button('enable')}
      <Confirm
        isOpen={asking !== null}
        loading={busy}
        title={asking ? `resources.users.actions.${asking}` : ''}
        content={asking ? `resources.users.actions.${asking}_confirm` : ''}
        translateOptions={args}
        onConfirm={() => asking && run(asking)}
        onClose={() => setAsking(null)}
      />
    </Stack>
  );
};
