import Papa from 'papaparse';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvRow {
  /** The line of the file where the row starts (the header is line 1). */
  readonly line: number;
  readonly cells: readonly string[];
  /** Why the row cannot be read as it is (an unclosed quote), or null. */
  readonly problem: string | null;
}

export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly headers: readonly string[];
  readonly rows: readonly CsvRow[];
}

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t'];

/**
 * Splits CSV text into a header and rows, guessing the delimiter (`,`, `;` as Dutch and German Excel
 * save, or tab) and keeping each row's line number for the preview's "line 14: …". Line endings are made
 * one kind first: a file edited on two systems mixes CRLF and LF, and papaparse would take only one.
 */
export function readCsvTable(text: string): CsvTable {
  const normalized = text.replace(/\r\n?/g, '\n');
  const rows: CsvRow[] = [];
  let delimiter: CsvDelimiter = ',';
  let offset = 0;
  let line = 1;
  Papa.parse<string[]>(normalized, {
    delimiter: '',
    delimitersToGuess: DELIMITERS,
    newline: '\n',
    skipEmptyLines: 'greedy',
    step: (result) => {
      // Empty lines before this row were skipped: the row starts at the first character that is not one.
      while (normalized[offset] === '\n') {
        offset++;
        line++;
      }
      const start = line;
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (normalized[i] === '\n') line++;
      offset = end;
      if (isDelimiter(result.meta.delimiter)) delimiter = result.meta.delimiter;
      const problem = result.errors.some((e) => e.type === 'Quotes')
        ? 'A quote (") is opened but not closed: check this line in your spreadsheet.'
        : null;
      rows.push({ line: start, cells: result.data.map((cell) => cell.trim()), problem });
    },
  });
  const [header, ...body] = rows;
  return { delimiter, headers: header ? header.cells : [], rows: body };
}

function isDelimiter(value: string): value is CsvDelimiter {
  return (DELIMITERS as string[]).includes(value);
}
