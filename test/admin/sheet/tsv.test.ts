import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from '../../../admin/src/sheet/tsv.js';

describe('tab-separated text from and to Excel', () => {
  it('reads a block copied from Excel: CRLF rows, and the line break after the last row is not a row', () => {
    expect(parseTsv('CS0001\t张三\r\nCS0002\t李四\r\n')).toEqual([
      ['CS0001', '张三'],
      ['CS0002', '李四'],
    ]);
  });

  it('reads LF and lone CR line breaks the same way (WPS, Numbers, Google Sheets)', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\rc\td\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('reads a single copied cell, with or without its line break', () => {
    expect(parseTsv('13800138000')).toEqual([['13800138000']]);
    expect(parseTsv('13800138000\r\n')).toEqual([['13800138000']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps empty cells, at the ends of a row too', () => {
    expect(parseTsv('\tb\t\r\n')).toEqual([['', 'b', '']]);
  });

  it('unwraps quoted cells holding a line break, a tab or doubled quotes', () => {
    expect(parseTsv('"第一行\r\n第二行"\tx\r\n"a\tb"\t"说""好"""\r\n')).toEqual([
      ['第一行\r\n第二行', 'x'],
      ['a\tb', '说"好"'],
    ]);
  });

  it('leaves a quote inside an unquoted cell as it is', () => {
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });

  it('writes rows Excel reads back as the same cells', () => {
    const rows = [
      ['CS0001', '张三', ''],
      ['多行\n备注', 'a\tb', '"引号"'],
    ];
    const text = toTsv(rows);
    expect(text).toBe('CS0001\t张三\t\r\n"多行\n备注"\t"a\tb"\t"""引号"""');
    expect(parseTsv(text)).toEqual(rows);
  });
});
