import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { Employee } from './types';

/** The list page's chunk: main.tsx starts loading it at once on a page opened at the list's address. */
export const loadList = () => import('./EmployeeList');

/** The employees resource (员工): views are separate chunks, loaded on first visit. */
export default {
  list: lazy(loadList),
  edit: lazy(() => import('./EmployeeEdit')),
  create: lazy(() => import('./EmployeeCreate')),
  show: lazy(() => import('./EmployeeShow')),
  icon: PeopleIcon,
  recordRepresentation: (record: Employee) => `${record.name} (${record.employeeNo})`,
};
