/**
 * Reads the first visible sheet of an Excel .xlsx workbook as rows of the
 * text each cell shows. Used by the command only: it never enters the
 * browser bundles.
 *
 * Why fflate and our own sheet reader, not a spreadsheet library: SheetJS
 * (`xlsx`) is frozen on npm with open advisories; `exceljs` is ~20 MB
 * installed with a dozen dependencies for writing, styling and streaming we
 * do not use; `read-excel-file` (4 dependencies) hands back numbers and
 * `Date`s, not the text a cell shows, so a code typed as 0538 with format
 * `0000` would still come back as 538. fflate is one maintained, dependency-
 * free unzip (~8 KB); the XML parts Excel, WPS and LibreOffice write are
 * flat and regular, and the ~200 lines here read shared strings, inline
 * strings, numbers through their number format, booleans and dates.
 */
import { unzipSync } from 'fflate';
import { formatCodeOf, formatNumber } from './format-cell.js';
import { readCells, readSharedStrings, readTags, type RawCell } from './sheet-xml.js';

/** A sheet read by {@link readXlsx}. */
export interface XlsxSheet {
  /** Name of the sheet read. */
  name: string;
  /** Names of all sheets in the workbook, in order. */
  sheetNames: string[];
  /**
   * The cells' shown text; `rows[0]` is spreadsheet row 1, so row numbers in
   * messages match what Excel shows. Empty rows are `[]`.
   */
  rows: string[][];
}

/** Why an .xlsx could not be read. */
export class XlsxError extends Error {
  constructor(
    /** `xls`: the old binary format; `not-xlsx`: not a zip or not a workbook. */
    readonly code: 'xls' | 'not-xlsx',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** Parts larger than this are refused unread: no station list needs 200 MB of XML. */
const MAX_PART_BYTES = 200 * 1024 * 1024;

/**
 * Reads the first visible worksheet of `bytes` (an .xlsx file).
 *
 * @throws {XlsxError} when the bytes are an old .xls file or not a workbook.
 * @example readXlsx(readFileSync('stations.xlsx')).rows[1] // ['TA-0391', '泰山区红门工会驿站', …]
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxError('xls', 'old Excel 97-2003 (.xls) file');
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.originalSize <= MAX_PART_BYTES && /^xl\/.*\.(xml|rels)$/.test(file.name),
    });
  } catch (error) {
    throw new XlsxError('not-xlsx', `not a zip archive (${(error as Error).message})`);
  }
  const text = (path: string): string | undefined => {
    const part = files[path];
    return part ? new TextDecoder().decode(part) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (workbook === undefined) throw new XlsxError('not-xlsx', 'no xl/workbook.xml: not an Excel workbook');

  const sheets = readTags(workbook, 'sheet');
  const sheetNames = sheets.map((s) => s.name ?? '');
  const first = sheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden') ?? sheets[0];
  const path = first ? sheetPath(first.id, text('xl/_rels/workbook.xml.rels')) : 'xl/worksheets/sheet1.xml';
  const sheetXml = text(path);
  if (sheetXml === undefined) throw new XlsxError('not-xlsx', `the workbook has no sheet at ${path}`);

  const date1904 = readTags(workbook, 'workbookPr').some((p) => p.date1904 === '1' || p.date1904 === 'true');
  const shared = readSharedStrings(text('xl/sharedStrings.xml') ?? '');
  const formats = readCellFormats(text('xl/styles.xml') ?? '');
  const rows: string[][] = [];
  for (const cell of readCells(sheetXml)) {
    const shown = showCell(cell, shared, formats, date1904);
    if (shown === '') continue;
    while (rows.length <= cell.row) rows.push([]);
    const row = rows[cell.row]!;
    while (row.length < cell.col) row.push('');
    row[cell.col] = shown;
  }
  return { name: first?.name ?? 'Sheet1', sheetNames, rows };
}

/** Where the workbook relationship `id` points, as a path inside the zip. */
function sheetPath(id: string | undefined, rels: string | undefined): string {
  const target = readTags(rels ?? '', 'Relationship').find((r) => r.Id === id)?.Target;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The number format code of each cell style (`<cellXfs>` order), so a cell's `s` finds its format. */
function readCellFormats(styles: string): string[] {
  const custom = new Map<number, string>();
  for (const f of readTags(styles, 'numFmt')) custom.set(Number(f.numFmtId), f.formatCode ?? 'General');
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  return readTags(xfs, 'xf').map((xf) => formatCodeOf(Number(xf.numFmtId ?? 0), custom));
}

function showCell(cell: RawCell, shared: readonly string[], formats: readonly string[], date1904: boolean): string {
  switch (cell.type) {
    case 's':
      return shared[Number(cell.value)] ?? '';
    case 'b':
      return cell.value === '1' ? 'TRUE' : cell.value === '0' ? 'FALSE' : cell.value;
    case 'inlineStr':
    case 'str':
    case 'e':
    case 'd':
      return cell.value;
    default: {
      if (cell.value === '') return '';
      const n = Number(cell.value);
      return Number.isNaN(n) ? cell.value : formatNumber(n, formats[cell.style] ?? 'General', date1904);
    }
  }
}

