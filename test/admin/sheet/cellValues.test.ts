import { describe, expect, it } from 'vitest';
import { excelSerialDate, normalizeDate, parseCellText } from '../../../admin/src/sheet/cellValues.js';
import type { SheetColumn } from '../../../admin/src/sheet/types.js';

const hireDate: SheetColumn = { field: 'hireDate', type: 'date', editable: true };
const label = (_c: SheetColumn, v: string) => v;

describe('Excel and WPS date serials pasted into a date column (1900 date system)', () => {
  it('counts serial 1 as 1900-01-01 and 59 as 1900-02-28', () => {
    expect(excelSerialDate(1)).toBe('1900-01-01');
    expect(excelSerialDate(59)).toBe('1900-02-28');
  });

  it('refuses 60, Excel’s 1900-02-29 that never was, and reads 61 as 1900-03-01', () => {
    expect(excelSerialDate(60)).toBeNull();
    expect(excelSerialDate(61)).toBe('1900-03-01');
  });

  it('reads a modern serial as the day Excel shows for it', () => {
    expect(excelSerialDate(45658)).toBe('2025-01-01');
    expect(excelSerialDate(45678)).toBe('2025-01-21');
    expect(excelSerialDate(45717)).toBe('2025-03-01');
    expect(parseCellText(hireDate, '45678', label)).toEqual({ value: '2025-01-21' });
  });

  it('refuses numbers no one means as a date: zero, fractions, past 2099', () => {
    expect([0, 1.5, 73050, 73051].map(excelSerialDate)).toEqual([null, null, '2099-12-31', null]);
    expect(parseCellText(hireDate, '123456', label)).toEqual({ error: 'date' });
  });
});

describe('dates with a time, as WPS copies a date cell', () => {
  it('keeps the day and drops the time', () => {
    expect(['2025-3-1 0:00:00', '2025/3/1 0:00', '2025-03-01T00:00:00', '2025年3月1日 13:45'].map(normalizeDate)).toEqual(Array(4).fill('2025-03-01'));
  });

  it('still refuses what is not a day', () => {
    expect(['2025-3-1 0:00:00 extra', '2025-2-30 0:00:00', '2025-3-1 noon'].map(normalizeDate)).toEqual([null, null, null]);
  });
});
