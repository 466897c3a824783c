import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellDate, cellText } from '../../../admin/src/import-export/cellValues.js';
import { decodeText, readTable, TableError } from '../../../admin/src/import-export/readTable.js';
import { csvText, gbkBytes, xlsxBytes } from '../../support/people-files.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('reading a people file', () => {
  it('reads a CSV Chinese Excel saved as GBK (no BOM) with the Chinese intact', async () => {
    const bytes = gbkBytes(csvText([
      ['工号', '姓名', '岗位', '团队', '入职日期'],
      ['N001', '张伟', '专员', '客户服务中心', '2025/3/1'],
      ['N002', '李娜', '组长', '景区客服', '2025-04-01'],
    ]));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const table = await readTable('员工.csv', bytes);
    expect(table.headers).toEqual(['工号', '姓名', '岗位', '团队', '入职日期']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['N001', '张伟', '专员', '客户服务中心', '2025/3/1'],
      ['N002', '李娜', '组长', '景区客服', '2025-04-01'],
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('reads UTF-8 with and without the BOM Excel writes for "CSV UTF-8"', () => {
    expect(decodeText(concat(BOM, utf8('工号,姓名')))).toBe('工号,姓名');
    expect(decodeText(utf8('工号,姓名'))).toBe('工号,姓名');
  });

  it('keeps quoted commas and line breaks inside a cell, and skips empty lines', async () => {
    const table = await readTable('a.csv', utf8('工号,姓名\r\n\r\nN1,"王, 五"\r\n,\r\nN2,"多\n行"\r\n'));
    expect(table.rows).toEqual([
      { line: 3, cells: ['N1', '王, 五'] },
      { line: 5, cells: ['N2', '多\n行'] },
    ]);
  });

  it('reads an .xlsx: date cells, numbers typed as phone numbers, hyperlinked emails and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('员工');
    sheet.addRow(['工号', '姓名', '邮箱', '电话', '入职日期']);
    const row = sheet.addRow(['N001', null, null, 13800000001, new Date(Date.UTC(2025, 2, 1))]);
    row.getCell(2).value = { richText: [{ text: '张' }, { text: '伟', font: { bold: true } }] };
    row.getCell(3).value = { text: 'zw@example.com', hyperlink: 'mailto:zw@example.com' };
    row.getCell(5).numFmt = 'yyyy/m/d';
    const table = await readTable('people.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.headers).toEqual(['工号', '姓名', '邮箱', '电话', '入职日期']);
    const [cells] = table.rows.map((r) => r.cells);
    expect(cells!.slice(0, 4)).toEqual(['N001', '张伟', 'zw@example.com', 13800000001]);
    expect(cellText(cells![3]!)).toBe('13800000001');
    expect(cellDate(cells![4]!)).toBe('2025-03-01');
  });

  it('reads the first sheet with data, after an empty one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明');
    workbook.addWorksheet('数据').addRow(['工号']);
    workbook.getWorksheet('数据')!.addRow(['N9']);
    const table = await readTable('x.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(table.rows).toEqual([{ line: 2, cells: ['N9'] }]);
  });

  it('refuses a file type it does not read, and a broken .xlsx, with a message key', async () => {
    await expect(readTable('people.xls', new Uint8Array())).rejects.toMatchObject({ key: 'app.import_export.errors.file_type' });
    await expect(readTable('people.xlsx', utf8('not a zip'))).rejects.toBeInstanceOf(TableError);
  });

  it('builds test workbooks whose Date cells come back as the same calendar days', async () => {
    const table = await readTable('t.xlsx', await xlsxBytes([['入职日期'], [new Date(Date.UTC(2024, 1, 29))]]));
    expect(cellDate(table.rows[0]!.cells[0]!)).toBe('2024-02-29');
  });
});

describe('dates in a people file', () => {
  it('accepts YYYY-MM-DD, YYYY/M/D, 2025年3月1日, Excel day numbers and date cells', () => {
    expect(cellDate('2025-03-01')).toBe('2025-03-01');
    expect(cellDate('2025/3/1')).toBe('2025-03-01');
    expect(cellDate(' 2025.3.1 ')).toBe('2025-03-01');
    expect(cellDate('2025年3月1日')).toBe('2025-03-01');
    expect(cellDate(45717)).toBe('2025-03-01');
    expect(cellDate(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
  });

  it('refuses what is no day', () => {
    expect(cellDate('2025-02-30')).toBeNull();
    expect(cellDate('03/01/2025')).toBeNull();
    expect(cellDate('明天')).toBeNull();
    expect(cellDate(12)).toBeNull();
  });
});
