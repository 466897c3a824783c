/**
 * Tab-separated text as Excel, WPS and Google Sheets put it on the clipboard: cells split by
 * tabs, rows by CRLF (LF or a lone CR from other sources), and a cell holding a tab, a line
 * break or a leading quote wrapped in double quotes with inner quotes doubled.
 */

/** The rows of a pasted block; the line break Excel puts after the last row is not a row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };

  while (i < text.length) {
    if (cell === '' && text[i] === '"' && startsCell(text, i)) {
      // A quoted cell runs to the quote that is not doubled.
      i += 1;
      while (i < text.length) {
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += text[i];
        i += 1;
      }
      continue;
    }
    const ch = text[i]!;
    if (ch === '\t') {
      endCell();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  // Text that does not end in a line break ends in a last row (a single copied cell).
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** Whether position i opens a cell (start of text, after a tab or a line break). */
function startsCell(text: string, i: number): boolean {
  const before = text[i - 1];
  return i === 0 || before === '\t' || before === '\n' || before === '\r';
}

/** Rows as tab-separated text with CRLF line breaks, quoting what Excel would read otherwise. */
export function toTsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(quote).join('\t')).join('\r\n');
}

function quote(cell: string): string {
  return /[\t\r\n]|^"/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
