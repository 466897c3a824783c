import type { CellProblem, PlannedRow } from './planImport.js';
import type { RowOutcome } from './runBatches.js';

/** What the preview says of the file: how many rows of each kind. */
export interface PreviewCounts {
  total: number;
  create: number;
  change: number;
  unchanged: number;
  invalid: number;
}

export function previewCounts(rows: readonly PlannedRow[], problems: ReadonlyMap<number, readonly CellProblem[]>): PreviewCounts {
  const counts: PreviewCounts = { total: rows.length, create: 0, change: 0, unchanged: 0, invalid: 0 };
  for (const row of rows) {
    if ((problems.get(row.line)?.length ?? 0) > 0) counts.invalid += 1;
    else counts[row.action] += 1;
  }
  return counts;
}

export type RowResultKind = 'created' | 'updated' | 'unchanged' | 'failed';

/**
 * One row after the import: created or changed by the server, unchanged (not sent), or not
 * imported — refused by the preview (never sent) or by the write itself — with why.
 */
export function rowResult(
  row: PlannedRow,
  previewProblems: readonly CellProblem[],
  outcome: RowOutcome | undefined,
): { kind: RowResultKind; problems: readonly CellProblem[] } {
  if (previewProblems.length > 0) return { kind: 'failed', problems: previewProblems };
  if (row.action === 'unchanged') return { kind: 'unchanged', problems: [] };
  if (!outcome) return { kind: 'failed', problems: [{ column: null, message: 'app.import_export.errors.no_answer' }] };
  if (outcome.status === 201) return { kind: 'created', problems: [] };
  if (outcome.status === 200) return { kind: 'updated', problems: [] };
  return { kind: 'failed', problems: outcome.problems };
}
