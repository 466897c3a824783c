import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { lazy } from 'react';
import type { Account } from './types';

/**
 * 账号 (accounts, #13 item 4): the list of sign-in accounts with the administrator's row actions
 * (重置密码, 停用, 启用). Also here: 修改密码 (user menu), the demo prompt, 忘记密码 and the
 * reset page, whose routes App.tsx lists outside the layout (they are for people signed out).
 */
export default {
  list: lazy(() => import('./UserList')),
  icon: ManageAccountsIcon,
  recordRepresentation: (record: Account) => record.name,
};
