/**
 * A spreadsheet (CSV/TSV) already read into station features, with the spreadsheet row each one
 * came from. The table reader (data/table/, loaded on first use) makes it; the parser treats its
 * features like GeoJSON ones and names rows, not feature positions, in what it reports. Its own
 * module so the parser can recognise one without loading the reader.
 */
import type { SkippedFeature, SkipReason } from '../types.js';
import type { StationField } from './vocabulary.js';

/**
 * Rows of a table as features: `features[i]` came from spreadsheet row `rows[i]` (the header is
 * row `headerRow`, 1 for most files). Rows already left out while reading (no usable coordinates)
 * are in `skipped`, each with its `row`.
 */
export class StationTable {
  constructor(
    /**
     * One Point Feature per usable data row; its properties are the row, keyed by the headers as
     * written, plus the schema fields read from it (`name`, `type` as an id, `services` …), final.
     */
    readonly features: readonly unknown[],
    /** The spreadsheet row number of each feature (1-based, as Excel shows it). */
    readonly rows: Int32Array,
    /** The row holding the headers. */
    readonly headerRow: number,
    /** Rows left out while reading, in row order. */
    readonly skipped: readonly SkippedFeature[],
    /** The header read for each schema field, for messages ("the 站点名称 column is empty"). */
    readonly columns: Readonly<Partial<Record<StationField, string>>>,
  ) {}
}

/**
 * True when `input` needs the table reader (data/table/read-table.ts) before it can be parsed:
 * bytes (`ArrayBuffer`, `Uint8Array`: a file as read from disk or the network), or text that is
 * not JSON (CSV, TSV). Text starting like JSON or HTML, and blank text, stays with the GeoJSON
 * parser, which explains what is wrong with it.
 *
 * @example isTableInput('站点编号,站点名称,经度,纬度\n…') // true
 */
export function isTableInput(input: unknown): boolean {
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return true;
  if (typeof input !== 'string') return false;
  const start = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const match = /\S/.exec(input.length > 256 ? input.slice(start, start + 256) : input.slice(start));
  if (match === null) return false;
  const head = input.slice(start + match.index, start + match.index + 64);
  return !JSON_START.test(head) && !UTF16_AS_UTF8.test(head);
}

// Objects, arrays, strings, numbers and the literals: what JSON text starts with; `<`: an HTML page.
const JSON_START = /^(?:[{["<\-0-9]|null\b|true\b|false\b)/;
// UTF-16 bytes read as UTF-8: the GeoJSON parser says "save the file as UTF-8" (bytes are decoded right).
const UTF16_AS_UTF8 = /^\uFFFD\uFFFD|\0/;

/**
 * Skipped table rows by reason, most frequent first, each with its first `maxRows` row numbers:
 * what the status line and the `invalid-features` message say.
 *
 * @example summarizeSkippedRows(result.skipped) // { skipped: 3, reasons: [{ reason: 'bad-coordinates', count: 2, rows: [5, 9] }, …] }
 */
export function summarizeSkippedRows(
  skipped: readonly SkippedFeature[],
  maxRows = 3,
): { skipped: number; reasons: Array<{ reason: SkipReason; count: number; rows: number[] }> } {
  const byReason = new Map<SkipReason, { reason: SkipReason; count: number; rows: number[] }>();
  for (const s of skipped) {
    let entry = byReason.get(s.reason);
    if (!entry) byReason.set(s.reason, (entry = { reason: s.reason, count: 0, rows: [] }));
    entry.count++;
    if (entry.rows.length < maxRows && s.row !== undefined) entry.rows.push(s.row);
  }
  return { skipped: skipped.length, reasons: [...byReason.values()].sort((a, b) => b.count - a.count) };
}
