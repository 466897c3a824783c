import { cellText, type Cell } from '../import-export/cellValues.js';
import type { Table } from '../import-export/readTable.js';

/**
 * 导入候选人 (POLICIES.md §2 step 3): a job board's export (BOSS直聘, 智联, 前程无忧 — each
 * names its columns its own way) read as a table, mapped to POST /candidates bodies. Pure, no
 * React (test/admin tests it); the dialog sends the rows one by one.
 */
export const CANDIDATE_COLUMNS = ['name', 'phone', 'email', 'source', 'notes'] as const;
export type CandidateColumn = (typeof CANDIDATE_COLUMNS)[number];

/** The header words the boards use, normalised (lower case, no spaces, no required-mark). */
const ALIASES: Record<CandidateColumn, readonly string[]> = {
  name: ['姓名', '名字', '候选人', '候选人姓名', '应聘者', '应聘者姓名', 'name', 'fullname', 'candidate'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话', '电话号码', '联系方式', 'phone', 'mobile', 'mobilephone', 'tel', 'telephone'],
  email: ['邮箱', '电子邮箱', '邮件', '电子邮件', '邮箱地址', 'email', 'e-mail', 'mail'],
  source: ['来源', '渠道', '简历来源', '招聘渠道', 'source', 'channel'],
  notes: ['备注', '说明', '附注', 'notes', 'note', 'remarks', 'comment', 'comments'],
};

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[\s*＊:：]/gu, '')
    .replace(/[（(][^）)]*[）)]$/u, ''); // 手机号（必填）, Email (optional)
}

export interface CandidateHeaders {
  /** Each recognised column's index in the row; the first header that maps wins. */
  columns: Partial<Record<CandidateColumn, number>>;
  /** Headers taken as none of ours (shown, not an error: boards add many). */
  unknown: string[];
}

export function mapCandidateHeaders(headers: readonly string[]): CandidateHeaders {
  const columns: Partial<Record<CandidateColumn, number>> = {};
  const unknown: string[] = [];
  headers.forEach((header, index) => {
    const word = normaliseHeader(header);
    const column = CANDIDATE_COLUMNS.find((c) => ALIASES[c].includes(word));
    if (column && columns[column] === undefined) columns[column] = index;
    else if (header.trim()) unknown.push(header.trim());
  });
  return { columns, unknown };
}

export interface SourceOption {
  key: string;
  labelZh: string;
  labelEn: string;
}

const loose = (text: string) => text.toLowerCase().replace(/[\s·._-]/gu, '');

/**
 * A source cell as a policy key: the key or either label, ignoring case and spaces
 * (`Boss直聘`, `boss`); else the one source whose label the cell contains or is contained in
 * (`智联招聘` → 智联). Null when none or several fit: the dialog's default source is used.
 */
export function matchSource(text: string, sources: readonly SourceOption[]): string | null {
  const word = loose(text);
  if (!word) return null;
  const names = (s: SourceOption) => [s.key, s.labelZh, s.labelEn].map(loose).filter(Boolean);
  const exact = sources.find((s) => names(s).includes(word));
  if (exact) return exact.key;
  const near = sources.filter((s) => names(s).some((n) => n.length >= 2 && (word.includes(n) || n.includes(word))));
  return near.length === 1 ? near[0]!.key : null;
}

export type RowProblem = 'name_missing' | 'contact_missing';

export interface PlannedCandidate {
  /** The line people see in Excel (the header is line 1). */
  line: number;
  name: string;
  phone: string;
  email: string;
  notes: string;
  /** The source cell as written ('' without the column). */
  sourceText: string;
  /** The policy key it matched; null: the dialog's default source. */
  source: string | null;
  /** Found before sending: the row is not sent. */
  problem: RowProblem | null;
}

export interface CandidateImportPlan {
  /** No name column: nothing can be imported (the file is not a candidate list). */
  missingName: boolean;
  unknownHeaders: string[];
  rows: PlannedCandidate[];
}

export function planCandidateImport(table: Table, sources: readonly SourceOption[]): CandidateImportPlan {
  const { columns, unknown } = mapCandidateHeaders(table.headers);
  const at = (cells: readonly Cell[], column: CandidateColumn) => {
    const index = columns[column];
    return index === undefined ? '' : cellText(cells[index] ?? null);
  };
  const rows: PlannedCandidate[] = [];
  for (const { line, cells } of table.rows) {
    const [name, phone, email, sourceText, notes] = CANDIDATE_COLUMNS.map((c) => at(cells, c)) as [string, string, string, string, string];
    // A row with nothing in our columns (a board's footer, a total line) is not a candidate.
    if (!name && !phone && !email && !notes) continue;
    const problem: RowProblem | null = !name ? 'name_missing' : !phone && !email ? 'contact_missing' : null;
    rows.push({ line, name, phone, email, notes, sourceText, source: sourceText ? matchSource(sourceText, sources) : null, problem });
  }
  return { missingName: columns.name === undefined, unknownHeaders: unknown, rows };
}

/** The rows that can be sent: no problem found, and a source (their own or the default). */
export function readyRows(plan: CandidateImportPlan, defaultSource: string | null): PlannedCandidate[] {
  return plan.rows.filter((row) => !row.problem && (row.source ?? defaultSource));
}

/** Whether some row needs the dialog's default source (its own is missing or not recognised). */
export const needsDefaultSource = (plan: CandidateImportPlan) => plan.rows.some((row) => !row.problem && !row.source);

/** The body of POST /candidates for a row: blanks left out (the API refuses an empty notes). */
export function candidateImportBody(openingId: string, row: PlannedCandidate, defaultSource: string): Record<string, unknown> {
  const body: Record<string, unknown> = { openingId, name: row.name, source: row.source ?? defaultSource };
  if (row.phone) body.phone = row.phone;
  if (row.email) body.email = row.email;
  if (row.notes) body.notes = row.notes;
  return body;
}

/**
 * The server's refusal of a row as one line: the first field it names with its message
 * (`{phone: '手机号码格式不正确'}` as providers/http.ts shapes problem+json errors), else the
 * problem's detail.
 */
export function refusalOf(body: unknown, message: string): { field: string | null; message: string } {
  const errors = (body as { errors?: Record<string, unknown> } | null)?.errors;
  if (errors && typeof errors === 'object') {
    for (const [field, value] of Object.entries(errors)) {
      if (field === 'root') continue;
      const text = firstText(value);
      if (text) return { field, message: text };
    }
  }
  return { field: null, message };
}

function firstText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) {
      const text = firstText(child);
      if (text) return text;
    }
  }
  return null;
}
