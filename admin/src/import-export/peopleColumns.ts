import en from '../i18n/en.js';
import zhCN from '../i18n/zh-CN.js';

/**
 * The columns of a people file (员工导入/导出), in the order an export writes them. The same
 * definitions read a file back: each column is found by its header in Chinese or English
 * (the catalogs' field names, plus the words people type in Excel), so an exported file
 * re-imports as it is and a hand-made one needs no template.
 */
export const PEOPLE_COLUMNS = [
  'employeeNo',
  'name',
  'email',
  'phone',
  'post',
  'level',
  'superiorNo',
  'team',
  'hireDate',
  'probationEndDate',
  'status',
] as const;

export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/**
 * Written by an export for people reading the file, ignored by an import (a superior is named
 * by 上级工号; a name is not unique).
 */
export const INFO_COLUMNS = ['superiorName'] as const;
export type InfoColumn = (typeof INFO_COLUMNS)[number];

/** The column a failed-rows file adds; an import of the corrected file skips it. */
export const ERROR_COLUMN = 'errors';

export type FileLanguage = 'zh-CN' | 'en';

const fields = { 'zh-CN': zhCN.resources.employees.fields, en: en.resources.employees.fields };
const own = { 'zh-CN': zhCN.app.import_export.columns, en: en.app.import_export.columns };

/** The header an export writes for a column, in the file's language. */
export function headerOf(column: PeopleColumn | InfoColumn | typeof ERROR_COLUMN, language: FileLanguage): string {
  switch (column) {
    case 'superiorNo':
    case 'team':
    case 'superiorName':
    case 'errors':
      return own[language][column];
    default:
      return fields[language][column];
  }
}

// Words people put in a header row besides ours, in both languages, already normalized.
const EXTRA_ALIASES: Record<PeopleColumn | InfoColumn | typeof ERROR_COLUMN, string[]> = {
  employeeNo: ['员工编号', '员工号', '编号', 'employeeno', 'employeenumber', 'empno', 'no'],
  name: ['员工姓名', 'fullname'],
  email: ['电子邮箱', '邮件', '电子邮件', 'emailaddress', 'mail'],
  phone: ['手机', '手机号', '手机号码', '联系电话', '电话号码', 'mobile', 'tel'],
  post: ['职位', 'position'],
  level: ['级别', 'grade'],
  superiorNo: ['直属上级工号', '上级编号', 'superiorno', 'superioremployeeno', 'managerno'],
  team: ['团队名称', '所属团队', '部门', '组别', 'team', 'teamname'],
  hireDate: ['入职时间', 'hiredate', 'startdate'],
  probationEndDate: ['试用期截止日期', '试用期结束', '试用期结束日期', '转正日期', 'probationenddate', 'probationend'],
  status: ['在职状态', '员工状态'],
  superiorName: ['直属上级', '上级', '上级姓名', 'superior', 'manager'],
  errors: ['错误', '错误原因', 'error', 'errors'],
};

/**
 * A header as compared: no spaces, case, punctuation, required-field stars or a trailing
 * hint in brackets ("入职日期（YYYY-MM-DD）", "工号*", "Employee no.").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[(（][^)）]*[)）]\s*$/u, '')
    .toLowerCase()
    .replace(/[\s*_.\-:：/]/gu, '');
}

const ALIASES: Map<string, PeopleColumn | InfoColumn | typeof ERROR_COLUMN> = (() => {
  const map = new Map<string, PeopleColumn | InfoColumn | typeof ERROR_COLUMN>();
  const all = [...PEOPLE_COLUMNS, ...INFO_COLUMNS, ERROR_COLUMN] as const;
  for (const column of all) {
    for (const language of ['zh-CN', 'en'] as const) map.set(normalizeHeader(headerOf(column, language)), column);
  }
  for (const column of all) {
    for (const alias of EXTRA_ALIASES[column]) if (!map.has(alias)) map.set(normalizeHeader(alias), column);
  }
  // The record's own field names (an API export, a developer's file).
  for (const column of PEOPLE_COLUMNS) map.set(normalizeHeader(column), column);
  map.set('teamid', 'team');
  return map;
})();

export interface HeaderMap {
  /** column → its index in the file's rows */
  columns: Partial<Record<PeopleColumn, number>>;
  /** Headers that matched no column: shown in the preview, their cells not imported. */
  unknown: string[];
  /** Headers naming a column a second time: only the first is read. */
  duplicates: string[];
}

/** Which file column holds which field, from the header row. */
export function mapHeaders(headers: readonly string[]): HeaderMap {
  const columns: Partial<Record<PeopleColumn, number>> = {};
  const unknown: string[] = [];
  const duplicates: string[] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    const text = header.trim();
    if (!text) return;
    const column = ALIASES.get(normalizeHeader(text));
    if (!column) {
      unknown.push(text);
      return;
    }
    if (seen.has(column)) {
      duplicates.push(text);
      return;
    }
    seen.add(column);
    if ((PEOPLE_COLUMNS as readonly string[]).includes(column)) columns[column as PeopleColumn] = index;
  });
  return { columns, unknown, duplicates };
}
