import AssignmentLateIcon from '@mui/icons-material/AssignmentLate';
import { lazy } from 'react';
import type { DisciplinaryAction } from './types';

/**
 * The disciplinary-actions resource (处罚记录, POLICIES.md §4; 004 第五条): the department's
 * actions, open ones by deadline (everyone: the API shows an agent only their own), and each
 * action's page with its 处罚单, signatures and appeal, where the employee signs or refuses, the
 * witnesses sign and the employee appeals; printed on A4 at `:id/print` (App.tsx). An action is
 * recorded from the employee's file (discipline-record/), never by a form here.
 */
export default {
  list: lazy(() => import('./DisciplinaryActionList')),
  show: lazy(() => import('./DisciplinaryActionShow')),
  icon: AssignmentLateIcon,
  recordRepresentation: (record: DisciplinaryAction) => record.notice?.title ?? `${record.employeeName} (${record.employeeNo})`,
};
