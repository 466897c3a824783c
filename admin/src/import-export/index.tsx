/**
 * 员工导入/导出. The two buttons go in the people list's toolbar (inside its ListContext):
 * <EmployeeImportButton /> (HR, admins) opens /employees/import, <EmployeeExportButton />
 * downloads the current filtered list. <PeopleFileButtons /> is both, in that order.
 */
import { EmployeeExportButton } from './EmployeeExportButton';
import { EmployeeImportButton } from './EmployeeImportButton';

export { EmployeeExportButton, EmployeeImportButton };

export const PeopleFileButtons = () => (
  <>
    <EmployeeImportButton />
    <EmployeeExportButton />
  </>
);
