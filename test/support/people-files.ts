/**
 * Builders of people files as Chinese offices make them, for the import tests: a CSV saved by
 * Chinese Excel (GBK, no BOM) and an .xlsx with real date cells. Node's TextEncoder only
 * writes UTF-8, so the GBK bytes of the words the tests use are spelled out here.
 */
import ExcelJS from 'exceljs';

const GBK: Record<string, string> = {
  工号: 'b9a4bac5',
  姓名: 'd0d5c3fb',
  邮箱: 'd3cacfe4',
  电话: 'b5e7bbb0',
  岗位: 'b8dacebb',
  职级: 'd6b0bcb6',
  上级工号: 'c9cfbcb6b9a4bac5',
  团队: 'cdc5b6d3',
  入职日期: 'c8ebd6b0c8d5c6da',
  张伟: 'd5c5ceb0',
  李娜: 'c0eec4c8',
  专员: 'd7a8d4b1',
  组长: 'd7e9b3a4',
  初级: 'b3f5bcb6',
  高级: 'b8dfbcb6',
  客户服务中心: 'bfcdbba7b7fecef1d6d0d0c4',
  景区客服: 'beb0c7f8bfcdb7fe',
};

/** The words the GBK table can spell, longest first. */
const WORDS = Object.keys(GBK).sort((a, b) => b.length - a.length);

/** Text as GBK bytes; ASCII as is, Chinese only from the table above (else it throws). */
export function gbkBytes(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out.push(code);
      i += 1;
      continue;
    }
    const word = WORDS.find((w) => text.startsWith(w, i));
    if (!word) throw new Error(`no GBK bytes for "${text.slice(i, i + 4)}…" in the test table`);
    for (const pair of GBK[word]!.match(/../g)!) out.push(parseInt(pair, 16));
    i += word.length;
  }
  return Uint8Array.from(out);
}

/** CSV lines (CRLF, as Excel writes) from rows of cells. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
}

/**
 * An .xlsx whose date columns hold Excel date cells (as a person typing dates gets), from rows
 * of cells; a `Date` is written as a date cell, anything else as typed.
 */
export async function xlsxBytes(rows: ReadonlyArray<ReadonlyArray<string | number | Date | null>>, sheetName = 'Sheet1'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy/m/d';
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
