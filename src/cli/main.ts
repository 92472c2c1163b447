/**
 * `station-map check`, `convert` and `tiles`: a thin shell around
 * `checkStations` from `station-map/core`, so the command judges a file
 * exactly as the widget will. All input and output goes through {@link CliIo},
 * which keeps this testable without a terminal.
 */
import { checkStations } from '../data/check-stations.js';
import type { Crs } from '../types.js';
import { cliStrings, langFromEnv, type CliLang, type CliStrings } from './cli-strings.js';
import { toCleanGeoJson } from './clean-geojson.js';
import { formatReport } from './format-report.js';
import { parseArgs } from './parse-args.js';
import { readStationFile, StationFileError } from './read-station-file.js';
import { buildStationArchive } from '../tiles/station-archive.js';

/** What the command reads and writes; the real one is in `bin.ts`. */
export interface CliIo {
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  /** Writes the chunks, one after the other, as the file's bytes. */
  writeBinary(path: string, chunks: readonly Uint8Array[]): void;
  /** Gzip compression, for the tiles of `tiles` (Node's zlib in `bin.ts`). */
  gzip(bytes: Uint8Array): Uint8Array;
  /** The package's version, for the archive's `generator`. */
  version?: string;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: every row usable, some rows skipped, the file (or the command line) unusable. */
export const EXIT = { ok: 0, skipped: 1, unreadable: 2 } as const;

/**
 * Runs the command for `argv` (without `node` and the script) and gives its exit code.
 *
 * @example runCli(['check', 'stations.csv'], io) // 0, 1 or 2
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  const request = parseArgs(argv);
  const lang: CliLang = request.lang ?? langFromEnv(io.env);
  const s = cliStrings(lang);
  if ('error' in request) {
    io.stderr(`${s.argError(request.error(s))}\n`);
    return EXIT.unreadable;
  }
  if (request.command === 'help') {
    io.stdout(`${s.usage}\n`);
    return EXIT.ok;
  }
  let source;
  try {
    source = readStationFile(request.file, io.readFile);
  } catch (error) {
    io.stderr(`${s.unreadable(request.file, explainReadError(error, s))}\n`);
    return EXIT.unreadable;
  }
  const check = checkStations(source.input, { crs: request.crs });
  if (check.error) {
    io.stderr(`${s.unreadable(request.file, check.error.message)}\n`);
    return EXIT.unreadable;
  }
  if (request.command === 'check') {
    io.stdout(formatReport(check, { file: request.file, ...source.sheet }, s));
  } else if (request.command === 'tiles') {
    // As convert: the report (what was left out) on stderr, the one-line summary on stdout.
    io.stderr(formatReport(check, { file: request.file, ...source.sheet }, s));
    const { features } = toCleanGeoJson(check.stations, request.crs);
    const archive = buildStationArchive(features, {
      gzip: io.gzip,
      stationZoom: request.stationZoom,
      generator: io.version ? `station-map ${io.version}` : 'station-map',
    });
    if (!tryWrite(() => io.writeBinary(request.output, archive.chunks), request.output, io, s)) return EXIT.unreadable;
    const tiles = archive.tilesPerZoom.reduce((sum, n) => sum + n, 0);
    io.stdout(`${s.wroteTiles(request.output, { stations: archive.set.count, tiles, bytes: archive.summary.bytes, maxZoom: archive.set.stationZoom })}\n`);
  } else {
    const geojson = `${JSON.stringify(toCleanGeoJson(check.stations, request.crs))}\n`;
    // The report goes to stderr: it says what was left out, and `-o -` keeps stdout for the GeoJSON.
    io.stderr(formatReport(check, { file: request.file, ...source.sheet }, s));
    if (request.output === '-') io.stdout(geojson);
    else {
      if (!tryWrite(() => io.writeFile(request.output, geojson), request.output, io, s)) return EXIT.unreadable;
      io.stdout(`${s.wrote(request.output, check.stations.length, crsLabel(request.crs))}\n`);
    }
  }
  return check.skipped.length > 0 ? EXIT.skipped : EXIT.ok;
}

/** Runs a write; a failure (no such folder, no permission) is said in the report language, not as a stack trace. */
function tryWrite(write: () => void, file: string, io: CliIo, s: CliStrings): boolean {
  try {
    write();
    return true;
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    io.stderr(`${s.cannotWrite(file, code === 'ENOENT' ? s.why.noFolder : s.why.other(error instanceof Error ? error.message : String(error)))}\n`);
    return false;
  }
}

function crsLabel(crs: Crs): string {
  return crs === 'gcj02' ? 'GCJ-02' : crs === 'bd09' ? 'BD-09' : 'WGS-84';
}

function explainReadError(error: unknown, s: CliStrings): string {
  if (error instanceof StationFileError) {
    switch (error.code) {
      case 'xls':
        return s.why.xls;
      case 'not-xlsx':
        return s.why.notXlsx(error.message);
      case 'empty-sheet':
        return s.why.emptySheet;
    }
  }
  const code = (error as { code?: unknown })?.code;
  if (code === 'ENOENT') return s.why.notFound;
  if (code === 'EISDIR') return s.why.isDirectory;
  return s.why.other(error instanceof Error ? error.message : String(error));
}
