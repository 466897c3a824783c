import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';
import type { ApprovalTask } from './types';

/** The approvals resource (待我审批): the caller's inbox and one task's decision page. */
export default {
  list: lazy(() => import('./ApprovalList')),
  show: lazy(() => import('./ApprovalShow')),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: ApprovalTask) => record.title,
};
