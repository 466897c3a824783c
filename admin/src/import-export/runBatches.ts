import type { EmployeeBatchResult, EmployeeBatchRowResult } from '../providers/consoleMethods.js';
import type { PeopleColumn } from './peopleColumns.js';
import type { CellProblem, PlannedRow } from './planImport.js';

/** The API's largest batch (POST /employees/batch takes at most 500 items). */
export const MAX_BATCH = 500;

export type SendBatch = (items: Array<Record<string, unknown>>, dryRun: boolean) => Promise<EmployeeBatchResult>;

/** What happened to one row: the server's status (201 created, 200 changed, 4xx refused). */
export interface RowOutcome {
  line: number;
  status: number;
  id: string | null;
  problems: CellProblem[];
}

export function chunk<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  if (size < 1) throw new RangeError('chunk size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends the rows in batches of at most 500, one batch after the other (a row may name as its
 * superior someone created by an earlier batch), and answers one outcome per row, by line.
 * `onProgress` hears how many rows are done.
 */
export async function runBatches(
  rows: readonly PlannedRow[],
  send: SendBatch,
  { dryRun, size = MAX_BATCH, onProgress }: { dryRun: boolean; size?: number; onProgress?: (done: number, total: number) => void },
): Promise<Map<number, RowOutcome>> {
  const withItems = rows.filter((r): r is PlannedRow & { item: Record<string, unknown> } => !!r.item);
  const outcomes = new Map<number, RowOutcome>();
  // A dry run writes nothing, so a superior that an earlier row of the file creates (in this
  // batch or an earlier one) is not found. The real run writes that row first: such a row is
  // not refused for it in the preview (the write then checks the superior in full).
  const createdEarlier = new Set<string>();
  let done = 0;
  onProgress?.(0, withItems.length);
  const parts = chunk(withItems, size);
  for (const [n, part] of parts.entries()) {
    let answer: EmployeeBatchResult;
    try {
      answer = await send(part.map((r) => r.item), dryRun);
    } catch (error) {
      // The call failed as a whole (network, a server fault): this batch may or may not have
      // been written, later ones were not sent. Every such row says so; nothing is left silent.
      const detail = error instanceof Error ? error.message : String(error);
      for (const row of part) outcomes.set(row.line, failedOutcome(row.line, 'app.import_export.errors.batch_failed', detail));
      for (const later of parts.slice(n + 1).flat()) outcomes.set(later.line, failedOutcome(later.line, 'app.import_export.errors.not_sent', detail));
      break;
    }
    part.forEach((row, i) => {
      const result = answer.results.find((r) => r.index === i) ?? answer.results[i];
      const outcome: RowOutcome = result
        ? { line: row.line, status: result.status, id: result.id, problems: problemsOf(result) }
        : { line: row.line, status: 0, id: null, problems: [{ column: null, message: 'app.import_export.errors.no_answer' }] };
      if (dryRun && outcome.status >= 400 && isSuperiorCreatedEarlier(outcome, row, createdEarlier)) {
        outcome.status = row.action === 'create' ? 201 : 200;
        outcome.problems = [];
      }
      outcomes.set(row.line, outcome);
      const writable = outcome.status < 400 && row.problems.length === 0;
      if (writable && row.action === 'create' && typeof row.item.employeeNo === 'string') createdEarlier.add(row.item.employeeNo.toUpperCase());
    });
    done += part.length;
    onProgress?.(done, withItems.length);
  }
  return outcomes;
}

function failedOutcome(line: number, message: string, detail: string): RowOutcome {
  return { line, status: 0, id: null, problems: [{ column: null, message, params: { detail } }] };
}

function isSuperiorCreatedEarlier(outcome: RowOutcome, row: PlannedRow & { item: Record<string, unknown> }, createdEarlier: Set<string>): boolean {
  const superiorNo = row.item.superiorNo;
  return (
    typeof superiorNo === 'string' &&
    createdEarlier.has(superiorNo.toUpperCase()) &&
    outcome.problems.length > 0 &&
    outcome.problems.every((p) => p.column === 'superiorNo')
  );
}

/** Where a field of the batch item is shown in the file. */
const COLUMN_OF_PATH: Record<string, PeopleColumn> = {
  employeeNo: 'employeeNo',
  name: 'name',
  email: 'email',
  phone: 'phone',
  post: 'post',
  level: 'level',
  superiorNo: 'superiorNo',
  superiorId: 'superiorNo',
  teamId: 'team',
  hireDate: 'hireDate',
  probationEndDate: 'probationEndDate',
  status: 'status',
};

/** A refused row's field errors on their cells; the rest (a version conflict, a rule of the whole row) on the row. */
export function problemsOf(result: EmployeeBatchRowResult): CellProblem[] {
  if (result.status < 400) return [];
  const problems: CellProblem[] = [];
  for (const error of result.errors ?? []) {
    const field = error.path.split(/[.[]/u)[0] ?? '';
    problems.push({ column: COLUMN_OF_PATH[field] ?? null, message: error.message });
  }
  if (problems.length === 0) problems.push({ column: null, message: result.detail ?? result.code ?? String(result.status) });
  return problems;
}

/**
 * The problems of a row as the preview shows them: the console's own first, then the server's
 * for cells the console found nothing wrong with (one message per cell is enough to fix it).
 */
export function mergeProblems(own: readonly CellProblem[], server: readonly CellProblem[]): CellProblem[] {
  const taken = new Set(own.map((p) => p.column));
  return [...own, ...server.filter((p) => p.column === null || !taken.has(p.column))];
}
