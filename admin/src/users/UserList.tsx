import { Chip, Stack } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, Pagination, TextField, useTranslate } from 'react-admin';
import type { Account } from './types';
import { UserAccountActions } from './UserAccountActions';

const pagination = <Pagination rowsPerPageOptions={[25, 50, 100]} />;

/**
 * 账号: every sign-in account, by email, with its roles and whether it is enabled. GM and HR
 * read it; administrators reset passwords and disable or enable accounts from each row.
 */
const UserList = () => {
  const translate = useTranslate();
  return (
    <List perPage={50} pagination={pagination} exporter={false} title={translate('resources.users.name')}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" sortable={false} />
        <TextField source="email" sortable={false} />
        <FunctionField<Account> source="roles" sortable={false} render={(r) => r.roles.map((role) => translate(`roles.${role}`, { _: role })).join('、')} />
        <FunctionField<Account>
          source="status"
          sortable={false}
          render={(r) => (
            <Stack direction="row" spacing={0.5}>
              <Chip size="small" label={translate(`resources.users.status.${r.status}`)} color={r.status === 'active' ? 'success' : 'default'} variant={r.status === 'active' ? 'outlined' : 'filled'} />
              {r.mustChangePassword && <Chip size="small" color="warning" variant="outlined" label={translate('resources.users.must_change')} />}
            </Stack>
          )}
        />
        <DateField source="passwordChangedAt" showTime sortable={false} emptyText="—" />
        <FunctionField<Account> label="" render={(r) => <UserAccountActions record={r} />} />
      </Datagrid>
    </List>
  );
};

export default UserList;
