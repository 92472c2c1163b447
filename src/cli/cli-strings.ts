/**
 * The command's words, in simplified Chinese and English. Kept here rather
 * than in src/i18n: the widget's tables ship in every page's bundle, and
 * nothing a page shows needs these.
 */
import type { SkipReason } from '../types.js';

/** Languages the command speaks. */
export type CliLang = 'zh-CN' | 'en';

/** Where a row is, as a person finds it: a spreadsheet row, or a GeoJSON feature's position. */
export interface RowPlace {
  index: number;
  row?: number;
}

/** Every string the command prints; strings with arguments are functions. */
export interface CliStrings {
  usage: string;
  place(at: RowPlace): string;
  /** Several rows with the same fault: the first few, then how many in all. */
  places(list: readonly RowPlace[], shown: number): string;
  /** Between a row's place and what is wrong with it. */
  colon: string;
  read(file: string, sheet: string | null, sheets: number): string;
  summary(total: number, kept: number, skipped: number): string;
  skippedHeading: string;
  problemsHeading: string;
  skipReason(reason: SkipReason, message: string): string;
  swappedHint: string;
  duplicate(id: string, first: string | null): string;
  swapped(value: string): string;
  outsideChina(value: string): string;
  unknownValue(field: string, value: string, suggestion: string | null, kind: 'type' | 'service'): string;
  unreadableHours(field: string, value: string): string;
  verdictOk: string;
  verdictSkipped(skipped: number): string;
  unreadable(file: string, why: string): string;
  cannotWrite(file: string, why: string): string;
  why: {
    notFound: string;
    isDirectory: string;
    xls: string;
    notXlsx(detail: string): string;
    emptySheet: string;
    noFolder: string;
    other(detail: string): string;
  };
  wrote(file: string, count: number, crs: string): string;
  /** The one-line summary of `tiles`. */
  wroteTiles(file: string, figures: { stations: number; tiles: number; bytes: number; maxZoom: number }): string;
  argError(detail: string): string;
  args: {
    missingCommand: string;
    unknownCommand(name: string): string;
    missingFile: string;
    extraArgument(value: string): string;
    unknownOption(name: string): string;
    missingValue(name: string): string;
    badLang(value: string): string;
    badCrs(value: string): string;
    badStationZoom(value: string, max: number): string;
    missingOutput(command: 'convert' | 'tiles'): string;
    binaryToStdout: string;
  };
}

const REASONS_ZH: Record<SkipReason, string> = {
  'not-a-feature': '不是 GeoJSON 要素',
  'missing-geometry': '没有坐标',
  'not-a-point': '不是点（Point）',
  'bad-coordinates': '坐标无法使用',
  'missing-id': '缺少站点编号',
  'duplicate-id': '站点编号重复',
  'missing-name': '缺少站点名称',
};

const zhCN: CliStrings = {
  usage: `用法：
  station-map check 文件 [--lang zh-CN|en] [--crs wgs84|gcj02|bd09]
      检查站点数据（GeoJSON、CSV/TSV 或 Excel .xlsx），报告每一行的问题。
  station-map convert 文件 -o stations.geojson [--crs gcj02]
      转换为组件读取最快的 GeoJSON（WGS-84 坐标，标准字段名）。
  station-map tiles 文件 -o stations.pmtiles [--station-zoom 14] [--crs gcj02]
      生成全国规模用的瓦片文件（PMTiles，图层 stations，低缩放级别为聚合点）。

选项：
  --crs      数据坐标系：wgs84（默认）、gcj02（高德、腾讯地图拾取）、bd09（百度）
  --lang     报告语言：zh-CN 或 en（默认按 LANG 环境变量，否则中文）
  -o, --output  convert、tiles 的输出文件（convert 可用 - 表示标准输出）
  --station-zoom  tiles：从这一缩放级别起瓦片含每个站点（0–18，默认 14）
  -h, --help    显示本帮助

退出码：0 每一行都可用；1 有行被跳过；2 文件无法读取、输出无法写入或参数有误。`,
  place: (at) => (at.row !== undefined ? `第 ${at.row} 行` : `第 ${at.index + 1} 个要素`),
  places: (list, shown) => {
    const rows = list[0]!.row !== undefined;
    const numbers = list.slice(0, shown).map((at) => (rows ? at.row : at.index + 1)).join('、');
    const more = list.length > shown ? `等，共 ${list.length} ${rows ? '行' : '个'}` : '';
    return rows ? `第 ${numbers} 行${more}` : `第 ${numbers} 个要素${more}`;
  },
  colon: '：',
  read: (file, sheet, sheets) =>
    sheet === null ? `文件：${file}` : `文件：${file}（读取工作表“${sheet}”${sheets > 1 ? `，共 ${sheets} 张，只读第一张` : ''}）`,
  summary: (total, kept, skipped) => `共 ${total} 行数据：可用站点 ${kept} 个，跳过 ${skipped} 行。`,
  skippedHeading: '被跳过的行（地图上不会显示）：',
  problemsHeading: '需要检查的地方（站点会显示，但可能显示不对）：',
  skipReason: (reason, message) => (reason in REASONS_ZH ? REASONS_ZH[reason] : message),
  swappedHint: '，经纬度可能填反了（纬度在前）',
  duplicate: (id, first) => `站点编号“${id}”重复${first ? `（与${first}相同）` : ''}，只保留第一行`,
  swapped: (value) => `坐标 ${value} 像是经纬度填反了（纬度在前），请交换经度、纬度两列`,
  outsideChina: (value) => `坐标 ${value} 不在中国范围内`,
  unknownValue: (field, value, suggestion, kind) =>
    `${field} “${value}” → 未识别，${suggestion ? `是否为“${suggestion}”？` : kind === 'type' ? '将显示为“其他”类型' : '将按原文显示，筛选找不到它'}`,
  unreadableHours: (field, value) => `${field} “${value}” 无法识别，无法判断是否正在开放`,
  verdictOk: '结果：每一行都可用。',
  verdictSkipped: (skipped) => `结果：有 ${skipped} 行被跳过，请修改后再发布。`,
  unreadable: (file, why) => `无法读取 ${file}：${why}`,
  cannotWrite: (file, why) => `无法写入 ${file}：${why}`,
  why: {
    notFound: '文件不存在',
    isDirectory: '这是一个文件夹，不是文件',
    xls: '这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV',
    notXlsx: (detail) => `不是有效的 Excel .xlsx 文件（${detail}）`,
    emptySheet: '工作表是空的',
    noFolder: '所在文件夹不存在',
    other: (detail) => detail,
  },
  wrote: (file, count, crs) => `已写入 ${file}：${count} 个站点，坐标已从 ${crs} 转为 WGS-84。`,
  wroteTiles: (file, f) =>
    `已写入 ${file}：${f.stations} 个站点，${f.tiles} 个瓦片，${formatBytes(f.bytes)}，缩放级别 0–${f.maxZoom}（${f.maxZoom} 级起含每个站点）。`,
  argError: (detail) => `参数错误：${detail}\n运行 station-map --help 查看用法。`,
  args: {
    missingCommand: '缺少命令：check、convert 或 tiles',
    unknownCommand: (name) => `未知命令“${name}”，可用：check、convert、tiles`,
    missingFile: '缺少要读取的文件',
    extraArgument: (value) => `多余的参数“${value}”`,
    unknownOption: (name) => `未知选项“${name}”`,
    missingValue: (name) => `选项 ${name} 缺少取值`,
    badLang: (value) => `不支持的语言“${value}”，可用：zh-CN、en`,
    badCrs: (value) => `不支持的坐标系“${value}”，可用：wgs84、gcj02、bd09`,
    badStationZoom: (value, max) => `站点缩放级别“${value}”无效，可用 0 到 ${max} 的整数`,
    missingOutput: (command) => `${command} 需要 -o 输出文件`,
    binaryToStdout: 'tiles 的输出是二进制文件，请用 -o 指定文件名，不能用 -',
  },
};

const en: CliStrings = {
  usage: `Usage:
  station-map check FILE [--lang zh-CN|en] [--crs wgs84|gcj02|bd09]
      Check station data (GeoJSON, CSV/TSV or Excel .xlsx) and report every row's faults.
  station-map convert FILE -o stations.geojson [--crs gcj02]
      Write the GeoJSON the widget reads fastest (WGS-84, the schema's field names).
  station-map tiles FILE -o stations.pmtiles [--station-zoom 14] [--crs gcj02]
      Write a tile archive for national data (PMTiles, layer stations, clusters at low zooms).

Options:
  --crs         coordinate system of the data: wgs84 (default), gcj02 (Amap, Tencent pickers), bd09 (Baidu)
  --lang        report language: zh-CN or en (default from LANG, else zh-CN)
  -o, --output  output file of convert and tiles (- for standard output, convert only)
  --station-zoom  tiles: the zoom from which tiles hold every station (0-18, default 14)
  -h, --help    show this help

Exit codes: 0 every row is usable; 1 some rows were skipped; 2 the file cannot be read, the output cannot be written, or bad arguments.`,
  place: (at) => (at.row !== undefined ? `Row ${at.row}` : `Feature ${at.index + 1}`),
  places: (list, shown) => {
    const rows = list[0]!.row !== undefined;
    const numbers = list.slice(0, shown).map((at) => (rows ? at.row : at.index + 1)).join(', ');
    const more = list.length > shown ? ` … (${list.length} in all)` : '';
    return `${rows ? 'Rows' : 'Features'} ${numbers}${more}`;
  },
  colon: ': ',
  read: (file, sheet, sheets) =>
    sheet === null ? `File: ${file}` : `File: ${file} (sheet "${sheet}"${sheets > 1 ? `, the first of ${sheets}` : ''})`,
  summary: (total, kept, skipped) => `${total} data rows: ${kept} usable stations, ${skipped} skipped.`,
  skippedHeading: 'Skipped rows (not shown on the map):',
  problemsHeading: 'To check (shown, but maybe not as meant):',
  skipReason: (_reason, message) => message,
  swappedHint: '; latitude and longitude look swapped (latitude first)',
  duplicate: (id, first) => `code "${id}" is used twice${first ? ` (same as ${first.toLowerCase()})` : ''}; the first row is kept`,
  swapped: (value) => `coordinates ${value} look swapped (latitude first): swap the longitude and latitude columns`,
  outsideChina: (value) => `coordinates ${value} are outside China`,
  unknownValue: (field, value, suggestion, kind) =>
    `${field} "${value}" → not recognised${suggestion ? `; did you mean "${suggestion}"?` : kind === 'type' ? '; shown as type "other"' : '; shown as given, no filter finds it'}`,
  unreadableHours: (field, value) => `${field} "${value}" cannot be read: "open now" cannot be told`,
  verdictOk: 'Result: every row is usable.',
  verdictSkipped: (skipped) => `Result: ${skipped} row${skipped === 1 ? ' was' : 's were'} skipped; fix before publishing.`,
  unreadable: (file, why) => `Cannot read ${file}: ${why}`,
  cannotWrite: (file, why) => `Cannot write ${file}: ${why}`,
  why: {
    notFound: 'no such file',
    isDirectory: 'it is a folder, not a file',
    xls: 'it is an old Excel (.xls) file: in Excel, "Save As" .xlsx or CSV',
    notXlsx: (detail) => `not a valid Excel .xlsx file (${detail})`,
    emptySheet: 'the sheet is empty',
    noFolder: 'its folder does not exist',
    other: (detail) => detail,
  },
  wrote: (file, count, crs) => `Wrote ${file}: ${count} stations, coordinates converted from ${crs} to WGS-84.`,
  wroteTiles: (file, f) =>
    `Wrote ${file}: ${f.stations} stations, ${f.tiles} tiles, ${formatBytes(f.bytes)}, zooms 0-${f.maxZoom} (every station from ${f.maxZoom}).`,
  argError: (detail) => `Error: ${detail}\nRun station-map --help for usage.`,
  args: {
    missingCommand: 'missing command: check, convert or tiles',
    unknownCommand: (name) => `unknown command "${name}"; use check, convert or tiles`,
    missingFile: 'missing the file to read',
    extraArgument: (value) => `unexpected argument "${value}"`,
    unknownOption: (name) => `unknown option "${name}"`,
    missingValue: (name) => `option ${name} needs a value`,
    badLang: (value) => `unsupported language "${value}"; use zh-CN or en`,
    badCrs: (value) => `unsupported coordinate system "${value}"; use wgs84, gcj02 or bd09`,
    badStationZoom: (value, max) => `bad station zoom "${value}"; use a whole number from 0 to ${max}`,
    missingOutput: (command) => `${command} needs -o with the output file`,
    binaryToStdout: 'tiles writes a binary file: give a file name with -o, not -',
  },
};

/** Bytes as a person reads them: `812 B`, `38.4 KB`, `37.7 MB` (1 KB = 1024 B). */
function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The command's strings in `lang`. */
export function cliStrings(lang: CliLang): CliStrings {
  return lang === 'en' ? en : zhCN;
}

/**
 * The report language from the environment: `LC_ALL`, `LC_MESSAGES` or `LANG`
 * starting with `en` gives English; anything else (unset, `C`, `zh_CN.UTF-8`) Chinese.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): CliLang {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^en\b|^en_/i.test(value) ? 'en' : 'zh-CN';
}
