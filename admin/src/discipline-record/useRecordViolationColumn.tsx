import GavelIcon from '@mui/icons-material/Gavel';
import { IconButton, Tooltip } from '@mui/material';
import { useMemo, useState, type ReactNode } from 'react';
import { useGetIdentity, useTranslate } from 'react-admin';
import type { Employee } from '../employees/types';
import type { SheetColumn } from '../sheet/types';
import { canRecordViolations, isRecordable } from './access';
import { RecordViolationDialog } from './RecordViolationDialog';

/**
 * 记录违纪 as a row action of the people sheet: a column (pinned right, hideable like any other)
 * with a button on each row the reader may record for — not their own, nor someone who has left —
 * and the dialog, drawn beside the sheet rather than in a cell (the grid recycles cells as it
 * scrolls). Null for those who may not record at all (agents).
 */
export function useRecordViolationColumn(): { column: SheetColumn<Employee> | null; dialog: ReactNode } {
  const { identity } = useGetIdentity();
  const [target, setTarget] = useState<Employee | null>(null);
  const ownId = (identity?.employeeId as string | null | undefined) ?? null;
  const may = canRecordViolations(identity?.roles as string[] | undefined);
  const column = useMemo<SheetColumn<Employee> | null>(
    () =>
      may
        ? {
            field: 'recordViolation',
            label: 'resources.discipline-record.sheet.column',
            width: 72,
            pinned: 'right',
            render: (e) => (isRecordable(e, ownId) ? <RowButton employee={e} onOpen={setTarget} /> : null),
          }
        : null,
    [may, ownId],
  );
  const dialog = target ? <RecordViolationDialog employee={{ id: String(target.id), name: target.name }} onClose={() => setTarget(null)} /> : null;
  return { column, dialog };
}

const RowButton = ({ employee, onOpen }: { employee: Employee; onOpen: (employee: Employee) => void }) => {
  const translate = useTranslate();
  const label = translate('resources.discipline-record.sheet.action', { name: employee.name });
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={() => onOpen(employee)} data-testid="sheet-record-violation">
        <GavelIcon fontSize="small" />
      </IconButton>
    </Tooltip>
  );
};
