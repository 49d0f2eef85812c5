import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export interface CsvRecord {
  /** 1-based line number where the record starts, for skip messages. */
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records read line by line from a file (quoted fields with commas, doubled quotes and
 * line breaks). Streaming, so a 10,000-row manifest is never held whole. Blank lines are skipped.
 */
export async function* readCsvRecords(path: string, delimiter = ','): AsyncGenerator<CsvRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  let pending: { line: number; text: string } | null = null;
  for await (const raw of lines) {
    lineNumber++;
    const text: string = pending ? `${pending.text}\n${raw}` : lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    const start: number = pending?.line ?? lineNumber;
    const fields = parseCsvLine(text, delimiter);
    if (fields === null) {
      pending = { line: start, text }; // inside a quoted field: the record goes on on the next line
      continue;
    }
    pending = null;
    if (text.trim() !== '') yield { line: start, fields };
  }
  if (pending) yield { line: pending.line, fields: parseCsvLine(`${pending.text}"`, delimiter) ?? [] };
}

/** Fields of one complete record, or null when a quoted field is still open at the end. */
export function parseCsvLine(text: string, delimiter = ','): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}
