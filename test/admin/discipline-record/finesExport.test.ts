import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { companyMonth, finesSheet } from '../../../admin/src/discipline-record/finesExport.js';
import type { DisciplineFine, DisciplineFines } from '../../../admin/src/discipline-record/types.js';
import { toXlsx } from '../../../admin/src/import-export/writeTable.js';
import { translator } from './translate.js';

/** A fine as GET /disciplinary-actions/fines lists it, with what a test changes. */
const aFine = (over: Partial<DisciplineFine> = {}): DisciplineFine => ({
  actionId: 'a1', employeeId: 'e1', employeeNo: 'CS0007', employeeName: '张三', violationCode: 'V02', violation: '迟到或早退',
  level: 'verbal', levelLabel: '口头警告', fine: 10, effectiveOn: '2026-11-06', ...over,
});
const month = (items: DisciplineFine[]): DisciplineFines => ({ month: '2026-11', total: items.reduce((s, i) => s + i.fine, 0), items });
const label = (key: string) => translator('zh-CN')(`resources.discipline-record.${key}`);

describe('the month’s 乐捐 file for payroll', () => {
  it('one row per fine by 工号 then day — 工号, 姓名, 违纪条款, 处罚级别, 乐捐（元）, 生效日期 — and a 合计 row', () => {
    const sheet = finesSheet(month([
      aFine({ actionId: 'a3', employeeNo: 'CS0009', employeeName: '李四', violationCode: 'W11', violation: '造成旷工', level: 'written', levelLabel: '书面警告', fine: 50, effectiveOn: '2026-11-20' }),
      aFine({ actionId: 'a2', effectiveOn: '2026-11-18', violationCode: 'V04', violation: '上班时间打私人电话，或利用电话、上网聊天' }),
      aFine(),
    ]), label);
    expect(sheet.headers).toEqual(['工号', '姓名', '违纪条款', '处罚级别', '乐捐（元）', '生效日期']);
    expect(sheet.rows).toEqual([
      ['CS0007', '张三', 'V02 迟到或早退', '口头警告', '10', '2026-11-06'],
      ['CS0007', '张三', 'V04 上班时间打私人电话，或利用电话、上网聊天', '口头警告', '10', '2026-11-18'],
      ['CS0009', '李四', 'W11 造成旷工', '书面警告', '50', '2026-11-20'],
      ['合计', '', '', '', '70', ''],
    ]);
  });

  it('as .xlsx the fines are number cells payroll adds up, the day a date cell, and the total row sums them', async () => {
    const bytes = await toXlsx(finesSheet(month([aFine(), aFine({ actionId: 'a2', fine: 200, level: 'final', levelLabel: '最后警告' })]), label), '乐捐 2026-11');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('乐捐 2026-11');
    expect(ws.getRow(1).values).toEqual([undefined, '工号', '姓名', '违纪条款', '处罚级别', '乐捐（元）', '生效日期']);
    expect(ws.getRow(2).getCell(5).value).toBe(10);
    expect(ws.getRow(2).getCell(6).value).toEqual(new Date('2026-11-06T00:00:00Z'));
    expect(ws.getRow(4).values).toEqual([undefined, '合计', undefined, undefined, undefined, 210]);
    expect(ws.rowCount).toBe(4);
  });

  it('headers in English for an English reader; the month is the company’s (Asia/Shanghai)', () => {
    const en = (key: string) => translator('en')(`resources.discipline-record.${key}`);
    const sheet = finesSheet(month([]), en);
    expect(sheet.headers).toEqual(['Employee no.', 'Name', 'Violation', 'Level', 'Fine (¥)', 'Effective on']);
    expect(sheet.rows).toEqual([['Total', '', '', '', '0', '']]);
    // 2026-11-30 16:30 UTC is already 1 December in Shanghai.
    expect(companyMonth(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(companyMonth(new Date('2026-11-30T15:59:00Z'))).toBe('2026-11');
  });
});
