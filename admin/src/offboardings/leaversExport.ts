import type { SheetData } from '../import-export/writeTable.js';
import { handoverProgress, type Offboarding } from './types.js';

/** The payroll file's columns, in order; headers are `resources.offboardings.export.<column>`. */
export const LEAVERS_COLUMNS = ['employeeNo', 'employeeName', 'reason', 'lastDay', 'finalPayDate', 'finalPayDateFixed', 'status', 'amountOwed', 'handover'] as const;
type Column = (typeof LEAVERS_COLUMNS)[number];

/**
 * The leavers as payroll reads them (001 六(三)(四)): who, why, the last day, the final-pay date
 * and whether it is fixed or still provisional, the status, the amount withheld for items not
 * returned (a number cell, to add up) and the handover signed of all. The reason and status are
 * the API's words, in the language it was read in; `label` words the rest.
 */
export function leaversSheet(rows: readonly Offboarding[], label: (key: string) => string): SheetData {
  const value = (r: Offboarding, column: Column): string => {
    switch (column) {
      case 'reason':
        return r.reasonLabel;
      case 'status':
        return r.statusLabel;
      case 'finalPayDateFixed':
        return label(r.finalPayDateFixed ? 'export.fixed' : 'export.provisional');
      case 'amountOwed':
        return String(r.amountOwed);
      case 'handover': {
        const { signed, total } = handoverProgress(r);
        return `${signed}/${total}`;
      }
      default:
        return r[column];
    }
  };
  const index = (column: Column) => LEAVERS_COLUMNS.indexOf(column);
  return {
    headers: LEAVERS_COLUMNS.map((c) => label(`export.${c}`)),
    rows: rows.map((r) => LEAVERS_COLUMNS.map((c) => value(r, c))),
    dateColumns: [index('lastDay'), index('finalPayDate')],
    numberColumns: [index('amountOwed')],
  };
}
