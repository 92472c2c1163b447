/**
 * Reads the command line. Hand-written (node:util's parseArgs would do, but
 * its errors are English sentences about "tokens"; a union's web editor
 * should read what went wrong in their language).
 */
import { isCrs } from '../geo/crs/crs.js';
import { DEFAULT_STATION_ZOOM, MAX_STATION_ZOOM } from '../tiles/station-tiles.js';
import type { Crs } from '../types.js';
import type { CliLang, CliStrings } from './cli-strings.js';

/** What the command was asked to do. */
export type CliRequest =
  | { command: 'help'; lang?: CliLang }
  | { command: 'check'; file: string; crs: Crs; lang?: CliLang }
  | { command: 'convert'; file: string; crs: Crs; output: string; lang?: CliLang }
  | { command: 'tiles'; file: string; crs: Crs; output: string; stationZoom: number; lang?: CliLang };

/** A bad command line: `error` names the fault in the report language (which `--lang` may have set before the fault). */
export interface ArgError {
  error: (strings: CliStrings) => string;
  lang?: CliLang;
}

/**
 * Parses `argv` (without `node` and the script path).
 *
 * @example parseArgs(['check', 'stations.csv', '--lang', 'en']) // { command: 'check', file: 'stations.csv', crs: 'wgs84', lang: 'en' }
 */
export function parseArgs(argv: readonly string[]): CliRequest | ArgError {
  const positional: string[] = [];
  let lang: CliLang | undefined;
  let crs: Crs = 'wgs84';
  let output: string | undefined;
  let stationZoom: number | undefined;
  let help = false;
  let fault: ((s: CliStrings) => string) | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | null => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return null;
      i++;
      return next;
    };
    if (name === '-h' || name === '--help' || name === 'help') help = true;
    else if (name === '--lang') {
      const value = takeValue();
      if (value === null) fault ??= (s) => s.args.missingValue('--lang');
      else if (/^zh(-cn|_cn|-hans)?$/i.test(value)) lang = 'zh-CN';
      else if (/^en([-_].*)?$/i.test(value)) lang = 'en';
      else fault ??= (s) => s.args.badLang(value);
    } else if (name === '--crs') {
      const value = takeValue();
      const lower = value?.toLowerCase().replace(/[-_]/g, '');
      if (value === null) fault ??= (s) => s.args.missingValue('--crs');
      else if (isCrs(lower)) crs = lower;
      else fault ??= (s) => s.args.badCrs(value);
    } else if (name === '--station-zoom') {
      const value = takeValue();
      if (value === null) fault ??= (s) => s.args.missingValue('--station-zoom');
      else if (/^\d{1,2}$/.test(value) && Number(value) <= MAX_STATION_ZOOM) stationZoom = Number(value);
      else fault ??= (s) => s.args.badStationZoom(value, MAX_STATION_ZOOM);
    } else if (name === '-o' || name === '--output') {
      const value = takeValue();
      if (value === null) fault ??= (s) => s.args.missingValue(name);
      else output = value;
    } else if (arg.startsWith('-') && arg !== '-') fault ??= (s) => s.args.unknownOption(name);
    else positional.push(arg);
  }
  const withLang = lang === undefined ? {} : { lang };
  if (help) return { command: 'help', ...withLang };
  if (fault) return { error: fault, ...withLang };
  const [command, file, extra] = positional;
  if (command === undefined) return { error: (s) => s.args.missingCommand, ...withLang };
  if (command !== 'check' && command !== 'convert' && command !== 'tiles') return { error: (s) => s.args.unknownCommand(command), ...withLang };
  if (file === undefined) return { error: (s) => s.args.missingFile, ...withLang };
  if (extra !== undefined) return { error: (s) => s.args.extraArgument(extra), ...withLang };
  if (command !== 'tiles' && stationZoom !== undefined) return { error: (s) => s.args.unknownOption('--station-zoom'), ...withLang };
  if (command === 'check') {
    if (output !== undefined) return { error: (s) => s.args.unknownOption('-o'), ...withLang };
    return { command, file, crs, ...withLang };
  }
  if (output === undefined) return { error: (s) => s.args.missingOutput(command), ...withLang };
  // An archive is binary: it goes to a file, never to the terminal.
  if (command === 'tiles') {
    if (output === '-') return { error: (s) => s.args.binaryToStdout, ...withLang };
    return { command, file, crs, output, stationZoom: stationZoom ?? DEFAULT_STATION_ZOOM, ...withLang };
  }
  return { command, file, crs, output, ...withLang };
}
