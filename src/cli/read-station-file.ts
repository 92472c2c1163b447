/**
 * Reads a station file into what `parseStations` takes: GeoJSON text, table
 * bytes, or (for a workbook) the first sheet as CSV text whose row numbers are
 * the sheet's own.
 */
import { readXlsx, XlsxError } from './xlsx/read-xlsx.js';

/** Why a file could not be turned into station input. */
export class StationFileError extends Error {
  constructor(
    readonly code: 'xls' | 'not-xlsx' | 'empty-sheet',
    message: string,
  ) {
    super(message);
    this.name = 'StationFileError';
  }
}

/** A file read for the checker: the input for `parseStations`, and for a workbook the sheet read. */
export interface StationFile {
  input: string | Uint8Array;
  sheet?: { sheet: string; sheets: number };
}

/**
 * Reads `path` with `readFile`. Excel workbooks are recognised by their zip
 * signature whatever the name says; an old .xls is refused with its own code.
 *
 * @throws {StationFileError} for a workbook that cannot be read; the error of `readFile` for a missing file.
 */
export function readStationFile(path: string, readFile: (path: string) => Uint8Array): StationFile {
  const bytes = readFile(path);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (zip || ole || /\.xls[xm]?$/i.test(path)) {
    let sheet;
    try {
      sheet = readXlsx(bytes);
    } catch (error) {
      if (error instanceof XlsxError) throw new StationFileError(error.code, error.message);
      throw error;
    }
    if (sheet.rows.every((row) => row.length === 0)) throw new StationFileError('empty-sheet', 'the sheet is empty');
    return { input: toCsv(sheet.rows), sheet: { sheet: sheet.name, sheets: sheet.sheetNames.length } };
  }
  if (/\.(geo)?json$/i.test(path)) return { input: new TextDecoder().decode(bytes) };
  return { input: bytes };
}

/**
 * Rows as CSV text, one line per sheet row (empty rows as empty lines), so
 * the parser's row numbers are the sheet's.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(quoteCsv).join(',')).join('\r\n') + '\r\n';
}

function quoteCsv(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
