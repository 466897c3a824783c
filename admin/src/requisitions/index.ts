import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { lazy } from 'react';
import type { Requisition } from './types';

/** The list page's chunk: main.tsx starts loading it at once on a page opened at the list's address. */
export const loadList = () => import('./RequisitionList');

/**
 * The requisitions resource (人才增补, POLICIES.md §2): raised here by supervisors and above,
 * decided through approvals (待我审批), never edited as records. The opening an approved one
 * opens is its page's panel (openings/OpeningPanel.tsx), with the candidates.
 */
export default {
  list: lazy(loadList),
  create: lazy(() => import('./RequisitionCreate')),
  show: lazy(() => import('./RequisitionShow')),
  icon: GroupAddIcon,
  recordRepresentation: (record: Requisition) => `${record.teamName} · ${record.headcount}`,
};
