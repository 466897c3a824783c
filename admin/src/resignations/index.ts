import LogoutIcon from '@mui/icons-material/Logout';
import { lazy } from 'react';
import type { Resignation } from './types';

const ResignationPage = lazy(() => import('./ResignationPage'));

/**
 * The resignations resource (辞职申请, POLICIES.md §9; #15). Its "list" is 申请离职, like 我的代理 a
 * page of the signed-in person's own: the form and their resignations; its "create" is the same
 * form for someone else (代为提交辞职, `?employeeId=`, HR from the employee's file). Decided
 * through approvals (待我审批), never edited as records; approved, it links to the offboarding.
 */
export default {
  list: ResignationPage,
  create: ResignationPage,
  show: lazy(() => import('./ResignationShow')),
  icon: LogoutIcon,
  recordRepresentation: (record: Resignation) => `${record.employeeName} · ${record.lastDay}`,
};
