import type { Employee } from '../employees/types.js';
import { cellDate, cellText, choiceValue, type Cell } from './cellValues.js';
import { headerOf, mapHeaders, PEOPLE_COLUMNS, type FileLanguage, type PeopleColumn } from './peopleColumns.js';
import type { Table } from './readTable.js';

/**
 * From a file's rows to the items of POST /employees/batch. A row whose 工号 belongs to an
 * existing employee is a change of that employee (with its `id` and `version`, only the cells
 * that differ; an empty cell leaves a field as it is), any other row a new employee. What the
 * console can tell without the server — a team or post it does not know, a date it cannot
 * read, the same 工号 twice — is an error on that cell; everything else the server's dry run
 * checks (rowErrors.ts).
 */

/** A problem with one cell (or the row, when `column` is null), as a catalog key. */
export interface CellProblem {
  column: PeopleColumn | null;
  /** A catalog key, or the server's message as it is (already in the UI language). */
  message: string;
  params?: Record<string, unknown>;
}

export type RowAction = 'create' | 'change' | 'unchanged';

export interface PlannedRow {
  /** The row's line in the file (the header is line 1). */
  line: number;
  /** The cells as the preview shows them, by column. */
  display: Record<PeopleColumn, string>;
  /** The file's own cells, for a failed-rows file that re-imports once corrected. */
  cells: Cell[];
  action: RowAction;
  /** The batch item; absent for an unchanged row. */
  item?: Record<string, unknown>;
  problems: CellProblem[];
}

export interface OrgUnitRef {
  id: string;
  name: string;
  kind: string;
}

export interface ImportContext {
  /** Everyone the importer can see, to tell a change from a new employee. */
  employees: readonly Employee[];
  orgUnits: readonly OrgUnitRef[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  unknownHeaders: string[];
  /** Set when the file cannot be imported at all (required columns missing, no rows). */
  fileProblem?: { key: string; params?: Record<string, unknown>; missing?: PeopleColumn[] };
}

/**
 * The columns a new employee needs: CreateEmployeeRequest's required fields (a superior may
 * be left out). A file that only changes people needs no more than 工号 (#12 item 8).
 */
export const CREATE_COLUMNS = ['employeeNo', 'name', 'email', 'phone', 'post', 'level', 'hireDate'] as const satisfies readonly PeopleColumn[];

/** Missing columns by their headers in the UI language: 姓名、邮箱 / Name, Email. */
export function missingColumnsText(missing: readonly PeopleColumn[], language: FileLanguage): string {
  return missing.map((column) => headerOf(column, language)).join(language === 'en' ? ', ' : '、');
}

const DATE_COLUMNS = new Set<PeopleColumn>(['hireDate', 'probationEndDate']);
const CHOICES = { post: 'post', level: 'level', status: 'status' } as const;
const E = 'app.import_export.errors';

export function planImport(table: Table, context: ImportContext): ImportPlan {
  const { columns, unknown } = mapHeaders(table.headers);
  const byNumber = new Map(context.employees.map((e) => [e.employeeNo.toUpperCase(), e]));
  // Said before anything is sent: otherwise each row's dry run fails on a field the preview has no column for.
  const missing = missingColumns(table, columns, byNumber);
  if (missing.length > 0) {
    return { rows: [], unknownHeaders: unknown, fileProblem: { key: `${E}.missing_columns`, params: { headers: table.headers.filter(Boolean).join('、') }, missing } };
  }
  if (table.rows.length === 0) return { rows: [], unknownHeaders: unknown, fileProblem: { key: `${E}.no_rows` } };

  const numberById = new Map(context.employees.map((e) => [e.id, e.employeeNo]));
  const teams = teamLookup(context.orgUnits);
  const seen = new Map<string, number>();

  const rows = table.rows.map(({ line, cells }): PlannedRow => {
    const cell = (column: PeopleColumn): Cell => {
      const index = columns[column];
      return index === undefined ? null : cells[index] ?? null;
    };
    const display = Object.fromEntries(
      PEOPLE_COLUMNS.map((c) => [c, DATE_COLUMNS.has(c) ? cellDate(cell(c)) ?? cellText(cell(c)) : cellText(cell(c))]),
    ) as Record<PeopleColumn, string>;
    const problems: CellProblem[] = [];
    const values: Record<string, unknown> = {};

    const employeeNo = display.employeeNo;
    if (employeeNo) {
      const key = employeeNo.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) problems.push({ column: 'employeeNo', message: `${E}.duplicate_no`, params: { line: first } });
      else seen.set(key, line);
      values.employeeNo = employeeNo;
    }
    for (const column of ['name', 'email', 'phone'] as const) if (display[column]) values[column] = display[column];
    for (const column of Object.keys(CHOICES) as Array<keyof typeof CHOICES>) {
      if (!display[column]) continue;
      const value = choiceValue(column, cell(column));
      if (value) values[column] = value;
      else problems.push({ column, message: `${E}.unknown_choice`, params: { value: display[column], field: column } });
    }
    for (const column of ['hireDate', 'probationEndDate'] as const) {
      if (!display[column]) continue;
      const day = cellDate(cell(column));
      if (day) values[column] = day;
      else problems.push({ column, message: `${E}.bad_date`, params: { value: display[column] } });
    }
    if (display.superiorNo) values.superiorNo = display.superiorNo;
    if (display.team) {
      const team = teams(display.team);
      if (team.id) values.teamId = team.id;
      else problems.push({ column: 'team', message: team.ambiguous ? `${E}.ambiguous_team` : `${E}.unknown_team`, params: { value: display.team } });
    }

    const existing = employeeNo ? byNumber.get(employeeNo.toUpperCase()) : undefined;
    if (!existing) {
      // A new employee: every field the API requires, superiorId null when no superior is named.
      const item: Record<string, unknown> = { ...values };
      if (!('superiorNo' in item)) item.superiorId = null;
      return { line, display, cells, action: 'create', item, problems };
    }
    const changes = changedValues(values, existing, numberById);
    if (Object.keys(changes).length === 0 && problems.length === 0) return { line, display, cells, action: 'unchanged', problems };
    return { line, display, cells, action: 'change', item: { id: existing.id, version: existing.version, ...changes }, problems };
  });
  return { rows, unknownHeaders: unknown };
}

/**
 * The required columns the file lacks: 工号 always; the rest of CREATE_COLUMNS when a row is a
 * new employee (a 工号 nobody has — or any row at all when there is no 工号 column to tell).
 */
function missingColumns(table: Table, columns: Partial<Record<PeopleColumn, number>>, byNumber: Map<string, Employee>): PeopleColumn[] {
  const noIndex = columns.employeeNo;
  const creates =
    noIndex === undefined ||
    table.rows.some(({ cells }) => {
      const no = cellText(cells[noIndex] ?? null);
      return no !== '' && !byNumber.has(no.toUpperCase());
    });
  const required: readonly PeopleColumn[] = creates ? CREATE_COLUMNS : ['employeeNo'];
  return required.filter((column) => columns[column] === undefined);
}

/** The row's values that differ from the employee's record (compared as the API stores them). */
function changedValues(values: Record<string, unknown>, existing: Employee, numberById: Map<string, string>): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (key === 'employeeNo') continue;
    if (key === 'superiorNo') {
      const current = existing.superiorId ? numberById.get(existing.superiorId) : undefined;
      if (String(value).toUpperCase() !== (current ?? '').toUpperCase()) changes.superiorNo = value;
      continue;
    }
    const before = (existing as unknown as Record<string, unknown>)[key];
    const same = key === 'email' ? String(value).toLowerCase() === String(before ?? '').toLowerCase() : value === before;
    if (!same) changes[key] = value;
  }
  return changes;
}

/** A team by name (or id): a team first, then any unit of that name (HR sits in a department). */
function teamLookup(units: readonly OrgUnitRef[]): (text: string) => { id?: string; ambiguous?: boolean } {
  const byId = new Map(units.map((u) => [u.id, u]));
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();
  return (text) => {
    if (byId.has(text)) return { id: text };
    const named = units.filter((u) => norm(u.name) === norm(text));
    const teams = named.filter((u) => u.kind === 'team');
    const pick = teams.length > 0 ? teams : named;
    if (pick.length === 1) return { id: pick[0]!.id };
    return pick.length > 1 ? { ambiguous: true } : {};
  };
}

/** What the import will send: the rows to create or change that the console found no problem in. */
export function rowsToSend(plan: ImportPlan): PlannedRow[] {
  return plan.rows.filter((r) => r.item && r.problems.length === 0);
}
