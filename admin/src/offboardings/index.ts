import MeetingRoomIcon from '@mui/icons-material/MeetingRoom';
import { lazy } from 'react';
import type { Offboarding } from './types';

/**
 * The offboardings resource (离职办理, POLICIES.md §9; 001 六): the leavers' list for HR and the
 * managers (a sheet, exported for payroll) and each leaver's page, where receivers sign the
 * handover, the inventory is checked, HR fills the exit form and closes. A record opens when a
 * resignation is approved or a probation ends without conversion, never by a form.
 */
export default {
  list: lazy(() => import('./OffboardingList')),
  show: lazy(() => import('./OffboardingShow')),
  icon: MeetingRoomIcon,
  recordRepresentation: (record: Offboarding) => `${record.employeeName} (${record.employeeNo})`,
};
