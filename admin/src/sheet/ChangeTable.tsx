import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment } from 'react';
import { useTranslate } from 'react-admin';
import type { PlannedRow, RowOutcome } from './changePlan';
import type { SheetRow } from './types';

/** Rows beyond this are counted, not listed: a 500-row paste previews its first cells. */
const MAX_SHOWN = 300;

interface Labels {
  rowLabel(id: string): string;
  columnLabel(field: string): string;
  fieldMessage(field: string, message: string): string;
  /** `row`: the record the value came from (a reference outside the options shows its name). */
  format(field: string, value: unknown, row?: SheetRow): string;
  rowOf?(id: string): SheetRow | undefined;
}

/** The preview: each changed cell as 原值 → 新值, grouped by row, with the server's check. */
export const ChangeTable = ({ rows, check, rowLabel, columnLabel, fieldMessage, format, rowOf }: Labels & { rows: PlannedRow[]; check: Map<string, RowOutcome> }) => {
  const translate = useTranslate();
  let shown = 0;
  const hidden = Math.max(0, rows.reduce((n, r) => n + r.cells.length, 0) - MAX_SHOWN);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('sheet.preview.table')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('sheet.preview.row')}</TableCell>
            <TableCell>{translate('sheet.preview.column')}</TableCell>
            <TableCell>{translate('sheet.preview.before')}</TableCell>
            <TableCell>{translate('sheet.preview.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => {
            if (shown >= MAX_SHOWN) return null;
            const cells = row.cells.slice(0, MAX_SHOWN - shown);
            shown += cells.length;
            const verdict = check.get(row.id);
            return (
              <Fragment key={row.id}>
                {cells.map((cell, i) => (
                  <TableRow key={cell.field} data-row-id={row.id} data-field={cell.field} data-error={cell.error ?? undefined}>
                    {i === 0 && (
                      <TableCell rowSpan={cells.length} sx={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
                        {rowLabel(row.id)}
                        {verdict && !verdict.ok && (
                          <Typography variant="caption" color="error" component="div" data-testid="sheet-check-failed">
                            {describe(verdict, { columnLabel, fieldMessage }, translate)}
                          </Typography>
                        )}
                      </TableCell>
                    )}
                    <TableCell>{columnLabel(cell.field)}</TableCell>
                    <TableCell sx={{ color: 'text.secondary' }}>{format(cell.field, cell.before, rowOf?.(row.id)) || '—'}</TableCell>
                    <TableCell sx={cell.error ? { color: 'error.main' } : { fontWeight: 600 }}>
                      {cell.error
                        ? translate(`sheet.parse.${cell.error}`, { text: cell.text ?? '' })
                        : format(cell.field, cell.after) || '—'}
                    </TableCell>
                  </TableRow>
                ))}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
      {hidden > 0 && (
        <Typography variant="caption" color="text.secondary">
          {translate('sheet.preview.more', { smart_count: hidden })}
        </Typography>
      )}
    </Box>
  );
};

/** The rows a write could not save, with the server's reasons by column. */
export const OutcomeTable = ({ outcomes, rowLabel, columnLabel, fieldMessage }: Labels & { outcomes: RowOutcome[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" aria-label={translate('sheet.results.failures')}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('sheet.preview.row')}</TableCell>
          <TableCell>{translate('sheet.results.reason')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {outcomes.map((o) => (
          <TableRow key={o.id} data-row-id={o.id} data-testid="sheet-failed-row">
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{rowLabel(o.id)}</TableCell>
            <TableCell>{describe(o, { columnLabel, fieldMessage }, translate) || translate('sheet.results.no_answer')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** 电话：格式不正确; or the row's problem when no field is named. */
function describe(
  outcome: RowOutcome,
  { columnLabel, fieldMessage }: Pick<Labels, 'columnLabel' | 'fieldMessage'>,
  translate: (key: string, options?: object) => string,
): string {
  const fields = Object.entries(outcome.fieldErrors).map(([field, message]) =>
    translate('sheet.results.field_error', { column: columnLabel(field), message: fieldMessage(field, message) }),
  );
  return fields.length > 0 ? fields.join(' ') : outcome.detail ?? '';
}
