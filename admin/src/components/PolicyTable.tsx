import { Alert, LinearProgress, Stack } from '@mui/material';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useInput, useTranslate } from 'react-admin';
import { cellKey, fromRows, tableErrors, toRows, type PolicyTableColumn, type TableRow, type TableShape } from '../sheet/policyTable';
import { usePolicyForm } from './PolicyFormContext';

// AG Grid comes with the grid's own chunk, the first time a policy table is shown: the
// console's first screen never loads it (test/admin/sheet/codeSplit.test.ts).
const PolicyTableGrid = lazy(() => import('../sheet/grid/PolicyTableGrid'));
const NONE: ReadonlySet<string> = new Set();

/**
 * A policy's table (the score bands, the base salary per level) edited as a spreadsheet inside
 * the policy's form: the rows are the form value at `source`, every edit or paste changes the
 * form, and the page's save sends it. The server's errors on a cell (`values.bands.2.min`) mark
 * that cell and are listed under the table, with those about the table as a whole; a cell's
 * error goes once the cell is changed. Read-only for everyone but HR and admins.
 */
export const PolicyTable = ({
  source,
  shape,
  columns,
  resource,
  rowLabel,
  testId,
}: {
  source: string;
  shape: TableShape;
  columns: readonly PolicyTableColumn[];
  /** Catalog prefix of column and choice labels. */
  resource: string;
  /** How a row is named in the error list (a level's name); `第 3 行` by default. */
  rowLabel?: (row: TableRow, index: number) => string;
  testId: string;
}) => {
  const translate = useTranslate();
  const { readOnly, others } = usePolicyForm();
  const { field } = useInput({ source });
  const rows = useMemo(() => toRows(shape, field.value), [shape, field.value]);
  const errors = useMemo(() => tableErrors(shape, source, rows, columns, others), [shape, source, rows, columns, others]);
  // Cells changed since the last save lose their error; a row added or removed moves every
  // row, so the last save's cell errors no longer point anywhere (they come back on saving).
  const [cleared, setCleared] = useState<{ of: Record<string, string>; cells: ReadonlySet<string> | 'all' }>({ of: others, cells: new Set() });
  const current = useMemo(() => (cleared.of === others ? cleared.cells : NONE), [cleared, others]);
  const cellErrors = useMemo(
    () => (current === 'all' ? new Map<string, string>() : new Map([...errors.cells].filter(([key]) => !current.has(key)))),
    [errors.cells, current],
  );

  const onRows = (next: TableRow[], change: { cells?: string[]; structure?: boolean }) => {
    field.onChange(fromRows(shape, next, field.value));
    setCleared({ of: others, cells: change.structure || current === 'all' ? 'all' : new Set([...current, ...(change.cells ?? [])]) });
  };

  const label = (row: TableRow, index: number) => (rowLabel ? rowLabel(row, index) : translate('app.policy_table.row', { n: index + 1 }));
  const columnOf = (field: string) => columns.find((c) => c.field === field);
  const listed = rows.flatMap((row, index) =>
    columns.flatMap((column) => {
      const message = cellErrors.get(cellKey(row.id, column.field));
      const name = translate(columnOf(column.field)?.label ?? `resources.${resource}.fields.${column.field}`);
      return message ? [translate('app.policy_table.cell_error', { row: label(row, index), column: name, message })] : [];
    }),
  );
  const messages = [...listed, ...errors.rest];

  return (
    <Stack spacing={1}>
      <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
        <PolicyTableGrid resource={resource} columns={columns} rows={rows} readOnly={readOnly} cellErrors={cellErrors} onRows={onRows} shape={shape} testId={testId} />
      </Suspense>
      {messages.length > 0 && (
        <Stack spacing={1} data-testid={`${testId}-errors`}>
          {messages.map((message, i) => (
            <Alert key={i} severity="error">
              {message}
            </Alert>
          ))}
        </Stack>
      )}
    </Stack>
  );
};
