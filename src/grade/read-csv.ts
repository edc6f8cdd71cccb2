/**
 * A small RFC 4180 CSV reader: comma-separated fields, fields in double quotes may hold commas,
 * new lines and doubled quotes (""), CRLF or LF line ends, an optional BOM. Malformed records
 * (a quote inside an unquoted field, text after a closing quote, an unterminated quote) are
 * returned as errors for that record, with its line, and reading goes on.
 */

/** One record: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A record that could not be read. */
export interface CsvError {
  readonly line: number;
  readonly message: string;
  /** The fields as far as they could be read (for naming the row in reports). */
  readonly fields: readonly string[];
}

/** Records and errors, in file order. */
export interface CsvResult {
  readonly records: CsvRecord[];
  readonly errors: CsvError[];
}

/** Reads `text` as CSV. */
export function readCsv(text: string): CsvResult {
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < text.length) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) error ??= `unterminated quoted field ${fields.length + 1}: expected a closing '"' before the end of the file`;
        if (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          error ??= `field ${fields.length + 1}: expected ',' or the end of the line after a closing quote, got '${text[i]}'`;
          while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') error ??= `field ${fields.length + 1}: expected no '"' inside an unquoted field (quote the whole field and double the quote)`;
          field += text[i];
          i++;
        }
      }
      fields.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    const blank = fields.length === 1 && fields[0] === '' && error === undefined;
    if (blank) continue;
    if (error) errors.push({ line: start, message: error, fields });
    else records.push({ line: start, fields });
  }
  return { records, errors };
}
