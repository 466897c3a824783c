import { List } from 'react-admin';
import { FinesExportButton } from '../discipline-record';
import { PeopleFileButtons } from '../import-export';
import { SHEET_LIST_PROPS } from '../sheet/Sheet';
import { SHEET_LISTS } from '../sheet/sheetLists';
import { employeeFilters } from './employeeFilters';
import { EmployeeSheet } from './EmployeeSheet';

// The sheet reads its rows block by block as it scrolls (the API pages by cursor and never
// counts); the list keeps the filters and the sort in the URL.
const EmployeeList = () => (
  <List filters={employeeFilters} sort={SHEET_LISTS.employees.sort} {...SHEET_LIST_PROPS}>
    <EmployeeSheet
      toolbarExtra={
        <>
          <PeopleFileButtons />
          <FinesExportButton />
        </>
      }
    />
  </List>
);

export default EmployeeList;
