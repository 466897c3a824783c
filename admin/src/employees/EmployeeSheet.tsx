import { useCallback, type ReactNode } from 'react';
import { useDataProvider, usePermissions } from 'react-admin';
import { canEditPeople } from '../providers/authProvider';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { Sheet } from '../sheet/Sheet';
import type { BatchRowResult, BatchWrite, SheetColumn } from '../sheet/types';
import { LEVELS, POSTS, STATUSES } from './employeeChoices';
import type { Employee } from './types';

/**
 * The people sheet (员工花名册) inside <EmployeeList>: HR edits cells in place, pastes blocks
 * from Excel and fills down; everyone else reads, copies and opens records. Sortable columns
 * are the ones the API sorts by (employeeNo, name, hireDate). The superior and the team are
 * shown, not edited here: they are picked from lists on the edit form. The base salary follows
 * the level (POLICIES.md §1).
 */
const COLUMNS: ReadonlyArray<SheetColumn<Employee>> = [
  { field: 'employeeNo', editable: true, sortable: true, width: 110, pinned: 'left' },
  { field: 'name', editable: true, sortable: true, width: 110, pinned: 'left' },
  { field: 'post', type: 'choice', choices: POSTS, editable: true },
  { field: 'level', type: 'choice', choices: LEVELS, editable: true, width: 130 },
  { field: 'status', type: 'choice', choices: STATUSES, editable: true, width: 100 },
  { field: 'phone', editable: true, width: 140 },
  { field: 'email', editable: true, width: 200 },
  { field: 'superiorName' },
  { field: 'teamName' },
  { field: 'hireDate', type: 'date', editable: true, sortable: true },
  { field: 'probationEndDate', type: 'date', editable: true, nullable: true },
  { field: 'baseSalary', type: 'money', hidden: true },
];

const rowLabel = (e: Employee) => `${e.name} (${e.employeeNo})`;

export const EmployeeSheet = ({ toolbarExtra }: { toolbarExtra?: ReactNode }) => {
  const { permissions } = usePermissions<string[]>();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const editor = canEditPeople(permissions);
  const batchWrite = useCallback<BatchWrite>(
    async (items, { dryRun }) => (await dataProvider.batchEmployees(items, dryRun)).data.results as BatchRowResult[],
    [dataProvider],
  );
  return (
    <Sheet<Employee>
      sheetId="employees"
      columns={COLUMNS}
      editable={editor}
      batchWrite={editor ? batchWrite : undefined}
      rowLabel={rowLabel}
      openLink={editor ? 'edit' : 'show'}
      selectable
      toolbarExtra={toolbarExtra}
    />
  );
};
