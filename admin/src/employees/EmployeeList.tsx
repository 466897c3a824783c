import { List, Pagination } from 'react-admin';
import { employeeFilters } from './employeeFilters';
import { EmployeeTable } from './EmployeeTable';

// The API pages by cursor and never counts: <Pagination> shows "1-25 of more than 25" and a
// next button driven by pageInfo.hasNextPage (see providers/cursorPages.ts).
const pagination = <Pagination rowsPerPageOptions={[10, 25, 50]} />;

const EmployeeList = () => (
  <List
    filters={employeeFilters}
    sort={{ field: 'employeeNo', order: 'ASC' }}
    perPage={25}
    pagination={pagination}
    // Export would ask for one 1000-row page; the spreadsheet grid will bring its own.
    exporter={false}
  >
    <EmployeeTable />
  </List>
);

export default EmployeeList;
