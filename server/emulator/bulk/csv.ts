/** CSV as Bulk API 2.0 writes and reads it: every field quoted, LF or CRLF line endings. */
import { parse } from 'csv-parse/sync';
import { RequestError } from '../store/errors';

export const quote = (v: string): string => `"${v.replace(/"/g, '""')}"`;

export function csvLine(values: string[], eol: string): string {
  return values.map(quote).join(',') + eol;
}

export const DELIMITERS: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  SEMICOLON: ';',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
};

/** Parses uploaded CSV into a header and rows of strings. */
export function parseCsv(text: string, delimiter: string): { header: string[]; rows: string[][] } {
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: false,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (err) {
    throw new RequestError(
      400,
      'INVALIDBATCH',
      `InvalidBatch : Failed to parse CSV: ${(err as Error).message}`,
    );
  }
  const [header, ...body] = rows;
  return { header: header ?? [], rows: body };
}
