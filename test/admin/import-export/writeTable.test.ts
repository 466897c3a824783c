import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../admin/src/import-export/planImport.js';
import { readTable } from '../../../admin/src/import-export/readTable.js';
import { failedRowsSheet, peopleSheet, superiorNumbers, toCsv, toXlsx, UTF8_BOM } from '../../../admin/src/import-export/writeTable.js';
import { aTeam, anEmployee, ORG_UNITS } from './builders.js';

const sheetOf = (language: 'zh-CN' | 'en' = 'zh-CN') => {
  const team = aTeam();
  return { team, sheet: peopleSheet(team, language, superiorNumbers(team).known) };
};

describe('exporting people', () => {
  it('writes Chinese headers and labels in zh-CN, English ones in en', () => {
    const zh = sheetOf('zh-CN').sheet;
    expect(zh.headers).toEqual(['工号', '姓名', '邮箱', '电话', '岗位', '职级', '上级工号', '团队', '入职日期', '试用期截止', '状态', '上级姓名']);
    expect(zh.rows[2]).toEqual(['CS0003', '张敏', 'min.zhang@example.com', '+86 138 0000 0003', '专员', '新客服(试用)', 'CS0001', '客户服务中心', '2026-01-10', '2026-04-10', '试用期', '王伟']);
    const en = sheetOf('en').sheet;
    expect(en.headers.slice(0, 3)).toEqual(['Employee no.', 'Name', 'Email']);
    expect(en.rows[2]!.slice(4, 6)).toEqual(['Agent', 'Trainee (probation)']);
  });

  it('names superiors outside the exported rows by 工号 once they are looked up', () => {
    const alone = [anEmployee({ id: 'e-9', employeeNo: 'CS0009', superiorId: 'e-boss', superiorName: '老板' })];
    const { known, missing } = superiorNumbers(alone);
    expect(missing).toEqual(['e-boss']);
    known.set('e-boss', 'GM001');
    expect(peopleSheet(alone, 'zh-CN', known).rows[0]![6]).toBe('GM001');
  });

  it('a superior outside the reader’s scope is named by the 工号 the API gives, so the file re-imports to no change (#12 item 15)', () => {
    const alone = [anEmployee({ id: 'e-9', employeeNo: 'CS0009', superiorId: 'e-boss', superiorName: '老板', superiorNo: 'GM001' })];
    const { known, missing } = superiorNumbers(alone);
    expect(missing).toEqual([]);
    expect(peopleSheet(alone, 'zh-CN', known).rows[0]![6]).toBe('GM001');
  });

  it('a CSV starts with the UTF-8 BOM (so Excel reads Chinese), ends lines with CRLF and escapes formulas', async () => {
    const { sheet } = sheetOf();
    const csv = await toCsv({ ...sheet, rows: [...sheet.rows, ['=HYPERLINK("x")', ...sheet.rows[0]!.slice(1)]] });
    expect(csv.startsWith(UTF8_BOM + '工号,姓名,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(sheet.rows.length + 3); // header, rows, the formula row, and the final line end
    expect(csv).toContain("'=HYPERLINK");
    expect(csv).toContain("'+86 138 0000 0003");
  });

  it('an exported CSV re-imports as it was: every row unchanged', async () => {
    const { team, sheet } = sheetOf();
    const bytes = new TextEncoder().encode(await toCsv(sheet));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plan = planImport(await readTable('员工.csv', bytes), { employees: team, orgUnits: ORG_UNITS });
    expect(plan.unknownHeaders).toEqual([]);
    expect(plan.rows.map((r) => [r.action, r.problems])).toEqual(team.map(() => ['unchanged', []]));
  });

  it('an exported CSV, imported where nobody exists yet, creates the same people', async () => {
    const { team, sheet } = sheetOf('en');
    const plan = planImport(await readTable('employees.csv', new TextEncoder().encode(await toCsv(sheet))), { employees: [], orgUnits: ORG_UNITS });
    expect(plan.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    expect(plan.rows[2]!.item).toEqual({
      employeeNo: 'CS0003', name: '张敏', email: 'min.zhang@example.com', phone: '+86 138 0000 0003', post: 'agent', level: 'trainee',
      superiorNo: 'CS0001', teamId: 'u-center', hireDate: '2026-01-10', probationEndDate: '2026-04-10', status: 'probation',
    });
    expect(team[2]!.teamId).toBe('u-center');
  });

  it('an exported .xlsx has date cells, a frozen bold header, and re-imports unchanged', async () => {
    const { team, sheet } = sheetOf();
    const bytes = await toXlsx(sheet, '员工');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = workbook.getWorksheet('员工')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('I2').value).toEqual(new Date('2023-05-01T00:00:00Z'));
    expect(ws.getCell('D2').value).toBe('13800000001'); // text, not a number Excel would show as 1.38E+10
    const plan = planImport(await readTable('员工.xlsx', bytes), { employees: team, orgUnits: ORG_UNITS });
    expect(plan.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('the failed-rows file is the rows as read plus why, and re-imports without the errors column', async () => {
    const headers = ['工号', '姓名', '邮箱', '电话', '岗位', '职级', '入职日期'];
    const sheet = failedRowsSheet(headers, [{ cells: ['N1', '甲', '', '13900000001', '专员', '初级', new Date(Date.UTC(2026, 0, 2))], reasons: '邮箱：必填' }], 'zh-CN');
    expect(sheet.headers).toEqual([...headers, '错误']);
    expect(sheet.rows).toEqual([['N1', '甲', '', '13900000001', '专员', '初级', '2026-01-02', '邮箱：必填']]);
    const again = planImport(await readTable('f.csv', new TextEncoder().encode(await toCsv(sheet))), { employees: [], orgUnits: [] });
    expect(again.unknownHeaders).toEqual([]);
    expect(again.rows[0]!.item).toMatchObject({ employeeNo: 'N1', hireDate: '2026-01-02' });
  });
});
