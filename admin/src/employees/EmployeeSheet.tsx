import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useDataProvider } from 'react-admin';
import { useRecordViolationColumn } from '../discipline-record';
import type { ConsoleDataProvider } from '../providers/consoleMethods';
import { Sheet } from '../sheet/Sheet';
import type { BatchRowResult, BatchWrite, RefOption, SheetColumn } from '../sheet/types';
import { LEVELS, POSTS, STATUSES } from './employeeChoices';
import { editableColumns, usePeopleEditing } from './employeeEditing';
import type { Employee } from './types';
import { useSheetRefOptions } from './useSheetRefOptions';

/**
 * The people sheet (员工花名册) inside <EmployeeList>: those who may change people edit cells in
 * place, paste blocks from Excel and fill down, each in the columns the server lets them
 * (/users/me editableEmployeeFields: a supervisor may move people between teams and superiors
 * but not touch their level); everyone else reads, copies and opens records. Sortable columns
 * are the ones the API sorts by (employeeNo, name, hireDate). The superior and the team show
 * names and write ids, picked from lists read once per sheet. The base salary follows the
 * level (POLICIES.md §1).
 */
function columnsWith(superiors: readonly RefOption[], teams: readonly RefOption[], refsReady: boolean): ReadonlyArray<SheetColumn<Employee>> {
  return [
    { field: 'employeeNo', editable: true, sortable: true, width: 110, pinned: 'left' },
    { field: 'name', editable: true, sortable: true, width: 110, pinned: 'left' },
    { field: 'post', type: 'choice', choices: POSTS, editable: true },
    { field: 'level', type: 'choice', choices: LEVELS, editable: true, width: 130 },
    { field: 'status', type: 'choice', choices: STATUSES, editable: true, width: 100 },
    { field: 'phone', editable: true, width: 140 },
    { field: 'email', editable: true, width: 200 },
    // The API takes null for both; only the GM may have no superior, which its check says per row.
    // Editable once the options are read: a paste before would find no one.
    { field: 'superiorName', type: 'ref', ref: { writeField: 'superiorId', options: superiors }, editable: refsReady, nullable: true },
    { field: 'teamName', type: 'ref', ref: { writeField: 'teamId', options: teams }, editable: refsReady, nullable: true, width: 130 },
    { field: 'hireDate', type: 'date', editable: true, sortable: true },
    { field: 'probationEndDate', type: 'date', editable: true, nullable: true },
    // Set by a probation review's conversion, not by hand (#12 item 16).
    { field: 'conversionDate', type: 'date' },
    { field: 'baseSalary', type: 'money', hidden: true },
  ];
}

const rowLabel = (e: Employee) => `${e.name} (${e.employeeNo})`;

export const EmployeeSheet = ({ toolbarExtra }: { toolbarExtra?: ReactNode }) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const editing = usePeopleEditing();
  // The pick lists are read once the first rows show, so they never delay them.
  const [rowsShown, setRowsShown] = useState(false);
  const onRowsShown = useCallback(() => setRowsShown(true), []);
  const { ready, superiors, teams } = useSheetRefOptions(rowsShown && (editing.fields.has('superiorId') || editing.fields.has('teamId')));
  // 记录违纪 as a row action, for a team lead or above (discipline-record/).
  const discipline = useRecordViolationColumn();
  const columns = useMemo(
    () => editableColumns([...columnsWith(superiors, teams, ready), ...(discipline.column ? [discipline.column] : [])], editing),
    [superiors, teams, ready, editing, discipline.column],
  );
  const editor = columns.some((c) => c.editable);
  const batchWrite = useCallback<BatchWrite>(
    async (items, { dryRun }) => (await dataProvider.batchEmployees(items, dryRun)).data.results as BatchRowResult[],
    [dataProvider],
  );
  return (
    <>
      <Sheet<Employee>
        sheetId="employees"
        columns={columns}
        editable={editor}
        batchWrite={editor ? batchWrite : undefined}
        rowLabel={rowLabel}
        openLink={editing.full ? 'edit' : 'show'}
        selectable
        toolbarExtra={toolbarExtra}
        onRowsShown={onRowsShown}
      />
      {discipline.dialog}
    </>
  );
};
