import type { SheetData } from '../import-export/writeTable.js';
import type { DisciplineFine, DisciplineFines } from './types.js';

/** The payroll file's columns, in order; headers are `resources.discipline-record.fines.columns.<column>`. */
export const FINES_COLUMNS = ['employeeNo', 'employeeName', 'violation', 'level', 'fine', 'effectiveOn'] as const;
type Column = (typeof FINES_COLUMNS)[number];

/**
 * A month's 乐捐 as payroll reads it (004 第五条; GET /disciplinary-actions/fines): one row per
 * action that took effect in the month — who (工号, 姓名), the violation, the level, the fine in
 * whole yuan (a number cell, to add up) and the day it took effect — by 工号, then day, and a
 * 合计 row under them. Words come from the API, in the language it was read in; `label` words
 * the headers and the total.
 */
export function finesSheet(fines: DisciplineFines, label: (key: string) => string): SheetData {
  const value = (f: DisciplineFine, column: Column): string => {
    switch (column) {
      case 'violation':
        return `${f.violationCode} ${f.violation}`;
      case 'level':
        return f.levelLabel;
      case 'fine':
        return String(f.fine);
      default:
        return f[column];
    }
  };
  const items = [...fines.items].sort((a, b) => a.employeeNo.localeCompare(b.employeeNo) || a.effectiveOn.localeCompare(b.effectiveOn));
  const total = items.reduce((sum, f) => sum + f.fine, 0);
  const index = (column: Column) => FINES_COLUMNS.indexOf(column);
  const totalRow = FINES_COLUMNS.map((c, i) => (i === 0 ? label('fines.total') : c === 'fine' ? String(total) : ''));
  return {
    headers: FINES_COLUMNS.map((c) => label(`fines.columns.${c}`)),
    rows: [...items.map((f) => FINES_COLUMNS.map((c) => value(f, c))), totalRow],
    dateColumns: [index('effectiveOn')],
    numberColumns: [index('fine')],
  };
}

/** The month as YYYY-MM in company time (Asia/Shanghai), where the API counts it. */
export function companyMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now).slice(0, 7);
}
