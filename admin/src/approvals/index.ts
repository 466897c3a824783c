import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';
import type { ApprovalTask } from './types';

/** The list page's chunk: main.tsx starts loading it at once on a page opened at the list's address. */
export const loadList = () => import('./ApprovalList');

/** The approvals resource (待我审批): the caller's inbox and one task's decision page. */
export default {
  list: lazy(loadList),
  show: lazy(() => import('./ApprovalShow')),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: ApprovalTask) => record.title,
};
