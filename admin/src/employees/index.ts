import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';
import type { Employee } from './types';

/** The employees resource (员工): views are separate chunks, loaded on first visit. */
export default {
  list: lazy(() => import('./EmployeeList')),
  edit: lazy(() => import('./EmployeeEdit')),
  create: lazy(() => import('./EmployeeCreate')),
  show: lazy(() => import('./EmployeeShow')),
  icon: PeopleIcon,
  recordRepresentation: (record: Employee) => `${record.name} (${record.employeeNo})`,
};
