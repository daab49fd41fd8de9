/** One CSV record with the file line it starts on (1-based), for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Reads CSV as RFC 4180 writes it (quoted fields, "" for a quote, line breaks inside quotes, CRLF or
 * LF) and as spreadsheets save it in Europe: the delimiter is whichever of comma, semicolon or tab the
 * first lines use most. A byte order mark is ignored. Cells are trimmed.
 */
export function parseCsv(text: string): CsvRow[] {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = guessDelimiter(source);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows.filter((row) => row.cells.some((c) => c !== ''));
}

function guessDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 10).join('\n');
  const count = (d: string) => head.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}
