import { DataTable, SelectField, usePermissions } from 'react-admin';
import { LocaleDateField } from '../components/LocaleDateField';
import { canEditPeople } from '../providers/authProvider';
import { levelChoices, postChoices, statusChoices } from './employeeChoices';
import type { Employee } from './types';

/**
 * The people grid inside <EmployeeList>: columns only, so it can be replaced by the
 * spreadsheet grid without touching filters, sorting or pagination. Sortable columns are the
 * ones the API sorts by (employeeNo, name, hireDate).
 */
export const EmployeeTable = () => {
  const { permissions } = usePermissions<string[]>();
  const rowClick = canEditPeople(permissions) ? 'edit' : 'show';
  return (
    <DataTable<Employee> rowClick={rowClick} bulkActionButtons={false}>
      <DataTable.Col source="employeeNo" />
      <DataTable.Col source="name" />
      <DataTable.Col source="post" disableSort>
        <SelectField source="post" choices={postChoices} />
      </DataTable.Col>
      <DataTable.Col source="level" disableSort>
        <SelectField source="level" choices={levelChoices} />
      </DataTable.Col>
      <DataTable.Col source="status" disableSort>
        <SelectField source="status" choices={statusChoices} />
      </DataTable.Col>
      <DataTable.Col source="superiorName" disableSort />
      <DataTable.Col source="teamName" disableSort />
      <DataTable.Col source="hireDate">
        <LocaleDateField source="hireDate" />
      </DataTable.Col>
      <DataTable.Col source="probationEndDate" disableSort>
        <LocaleDateField source="probationEndDate" />
      </DataTable.Col>
    </DataTable>
  );
};
