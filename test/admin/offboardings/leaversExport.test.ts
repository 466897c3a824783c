import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from '../../../admin/src/import-export/writeTable.js';
import { offboardingsMessages } from '../../../admin/src/offboardings/messages.js';
import { leaversSheet } from '../../../admin/src/offboardings/leaversExport.js';
import type { Offboarding } from '../../../admin/src/offboardings/types.js';

/** A leaver as GET /offboardings lists them, with what a test changes. */
function aLeaver(over: Partial<Offboarding> = {}): Offboarding {
  return {
    id: 'ob1', employeeId: 'e1', employeeName: '张三', employeeNo: 'CS0007', reason: 'resignation', reasonLabel: '辞职',
    lastDay: '2026-12-02', finalPayDate: '2027-01-15', finalPayDateFixed: false, status: 'open', statusLabel: '办理中',
    handover: [
      { id: 'h1', source: 'report', description: '下属：李四', refId: 'e2', receiverEmployeeId: 'e9', receiverName: '王五', receivedAt: '2026-11-30T02:00:00Z', receivedByName: '王五' },
      { id: 'h2', source: 'other', description: '客户回访名单', refId: null, receiverEmployeeId: null, receiverName: '人力资源部', receivedAt: null, receivedByName: null },
    ],
    inventory: [{ id: 'headset', item: '耳麦', returned: false, amount: 150, defaultAmount: 150, checkedAt: '2026-11-30T02:00:00Z', checkedByName: 'HR' }],
    amountOwed: 150, exitForm: null, resignationId: 'r1', reviewId: null, remindedAt: null, leftAt: null, closedAt: null, closedByName: null, cancellation: null,
    can: { receive: [], manage: false, exitForm: false, close: false, cancel: false, closeBlockers: [] },
    consolePath: '/#/offboardings/ob1/show', createdAt: '2026-11-02T02:00:00Z', updatedAt: '2026-11-30T02:00:00Z', version: 3,
    ...over,
  };
}

const zh = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], offboardingsMessages['zh-CN']) as string;

describe('the leavers file for payroll (离职人员)', () => {
  it('names each leaver with the last day, the final-pay date and whether it is fixed, the amount owed and the handover signed', () => {
    const sheet = leaversSheet([aLeaver(), aLeaver({ id: 'ob2', employeeNo: 'CS0008', employeeName: '赵六', finalPayDateFixed: true, amountOwed: 0, status: 'completed', statusLabel: '已办结' })], zh);
    expect(sheet.headers).toEqual(['工号', '姓名', '离职类型', '最后工作日', '工资结算日', '结算日状态', '办理状态', '应赔偿金额（元）', '交接签收']);
    expect(sheet.rows).toEqual([
      ['CS0007', '张三', '辞职', '2026-12-02', '2027-01-15', '预计', '办理中', '150', '1/2'],
      ['CS0008', '赵六', '辞职', '2026-12-02', '2027-01-15', '已确定', '已办结', '0', '1/2'],
    ]);
  });

  it('as .xlsx the dates are date cells and the amount a number payroll can add up', async () => {
    const bytes = await toXlsx(leaversSheet([aLeaver()], zh), '离职人员');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = workbook.getWorksheet('离职人员')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('CS0007');
    expect(ws.getCell('D2').value).toEqual(new Date('2026-12-02T00:00:00Z'));
    expect(ws.getCell('E2').value).toEqual(new Date('2027-01-15T00:00:00Z'));
    expect(ws.getCell('H2').value).toBe(150);
    expect(ws.getCell('I2').value).toBe('1/2');
  });
});
