import { Alert, Button, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Conflict } from './rowWrites';
import type { SheetRow } from './types';

/**
 * Someone saved the row between the user's read and their edit (409): the cell shows their
 * value, and this says so with the user's value kept, to write again on the new version or
 * to leave theirs.
 */
export const ConflictAlert = ({
  conflicts,
  rowLabel,
  columnLabel,
  format,
  onRetry,
  onDismiss,
}: {
  conflicts: readonly Conflict[];
  rowLabel(id: string): string;
  columnLabel(field: string): string;
  format(field: string, value: unknown, row?: SheetRow): string;
  onRetry(conflict: Conflict): void;
  onDismiss(conflict: Conflict): void;
}) => {
  const translate = useTranslate();
  if (conflicts.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 1 }} data-testid="sheet-conflicts">
      {conflicts.map((c) => (
        <Alert
          key={`${c.id}:${c.field}`}
          severity="warning"
          data-row-id={c.id}
          data-field={c.field}
          action={
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={0.5}>
              <Button color="inherit" size="small" onClick={() => onRetry(c)}>
                {translate('sheet.conflict.retry')}
              </Button>
              <Button color="inherit" size="small" onClick={() => onDismiss(c)}>
                {translate('sheet.conflict.keep_theirs')}
              </Button>
            </Stack>
          }
        >
          {translate('sheet.conflict.message', {
            row: rowLabel(c.id),
            column: columnLabel(c.field),
            theirs: format(c.field, c.theirs, c.current) || '—',
            yours: format(c.field, c.yours) || '—',
          })}
        </Alert>
      ))}
    </Stack>
  );
};
