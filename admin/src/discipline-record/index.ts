/**
 * 记录违纪 (#16; POLICIES.md §4) as pieces other pages place: <RecordViolationButton /> in an
 * employee's show toolbar (it reads the record), <DisciplineHistory employeeId /> as a section of
 * the file, useRecordViolationColumn() for the people sheet's row action, and
 * <FinesExportButton /> (HR) wherever payroll looks for it. The data-provider methods
 * (disciplineRecordMethods.ts) and the words (messages.ts) are merged in one line each.
 */
export { DisciplineHistory } from './DisciplineHistory';
export { FinesExportButton } from './FinesExportButton';
export { RecordViolationButton } from './RecordViolationButton';
export { useRecordViolationColumn } from './useRecordViolationColumn';
