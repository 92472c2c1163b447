import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../src/cli/main.js';
import { toWgs84 } from '../../../src/geo/crs/crs.js';
import { parseStations } from '../../../src/data/read-stations.js';
import { openArchive, readStationTile } from '../tiles/archive-reader.js';

const TABLES = fileURLToPath(new URL('../../fixtures/tables/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCHEMA = ['name', 'type', 'address', 'phone', 'hours', 'services', 'manager', 'rating_url', 'honors', 'website'];

/** Files made up for one test each. */
const VIRTUAL: Record<string, string> = {
  'contacts.csv': '姓名,电话\n张三,13800138000\n',
  // The same unreadable hours on 12 rows, as a real sheet copies a cell down.
  'repeated.csv': ['编号,名称,经度,纬度,开放时间', ...Array.from({ length: 12 }, (_, i) => `A${i},驿站${i},117.1${i},36.2,以现场公示为准`)].join('\n'),
};

/** Runs the command in-process against the fixtures folder; files written land in `written`. */
function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const written = new Map<string, string>();
  const binary = new Map<string, Uint8Array[]>();
  const io: CliIo = {
    readFile: (path) =>
      // An old Excel 97-2003 file starts with the OLE signature.
      path === 'old-excel.xls'
        ? new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
        : path in VIRTUAL
          ? new TextEncoder().encode(VIRTUAL[path])
          : new Uint8Array(readFileSync(join(TABLES, path))),
    writeFile: (path, text) => void written.set(path, text),
    writeBinary: (path, chunks) => void binary.set(path, [...chunks]),
    gzip: (bytes) => gzipSync(bytes),
    version: '9.9.9',
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    env,
  };
  const code = runCli(argv, io);
  return { code, stdout, stderr, written, binary };
}

/** The report lines every form of the planted-faults fixture gives (spreadsheet rows; header = row 1). */
const PLANTED_REPORT = `共 8 行数据：可用站点 5 个，跳过 3 行。

被跳过的行（地图上不会显示）：
  第 4 行（0540）：坐标无法使用，经纬度可能填反了（纬度在前）
  第 5 行（0541）：缺少站点名称
  第 6 行（0539）：站点编号“0539”重复（与第 3 行相同），只保留第一行

需要检查的地方（站点会显示，但可能显示不对）：
  第 3 行（0539）：服务项目 “饮用水” → 未识别，是否为“饮水”？
  第 7 行（0542）：开放时间 “看情况” 无法识别，无法判断是否正在开放
  第 8 行（0543）：坐标 139.767, 35.681 不在中国范围内
  第 9 行（0544）：站点类型 “工会驿点” → 未识别，是否为“工会驿站”？

结果：有 3 行被跳过，请修改后再发布。
`;

describe('station-map check', () => {
  it('reports every planted fault of an Excel workbook by its row number, and exits 1', () => {
    const { code, stdout, stderr } = run(['check', 'stations-faults.xlsx']);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).toBe(`文件：stations-faults.xlsx（读取工作表“驿站名单”，共 2 张，只读第一张）\n${PLANTED_REPORT}`);
  });

  it('reports the same of the GBK-encoded CSV Excel saves on Chinese Windows', () => {
    const { code, stdout } = run(['check', 'stations-faults-gbk.csv']);
    expect(code).toBe(1);
    expect(stdout).toBe(`文件：stations-faults-gbk.csv\n${PLANTED_REPORT}`);
  });

  it('writes the GeoJSON to stdout with -o -, the report to stderr', () => {
    const { code, stdout, stderr, written } = run(['convert', 'stations-faults-gbk.csv', '-o', '-']);
    expect(code).toBe(1);
    expect(written.size).toBe(0);
    expect(parseStations(stdout).stations).toHaveLength(5);
    expect(stderr).toContain('结果：有 3 行被跳过');
  });

  it('keeps a code Excel stores as a number as the text shown (0538, not 538)', () => {
    const { written } = run(['convert', 'stations-faults.xlsx', '-o', 'out.geojson']);
    const back = JSON.parse(written.get('out.geojson')!);
    expect(back.features[0].id).toBe('0538');
    expect(back.features[0].properties.phone).toBe('13800138000');
  });

  it('reports every planted fault of a GeoJSON file in Chinese and exits 1', () => {
    const { code, stdout } = run(['check', 'stations-faults.geojson']);
    expect(code).toBe(1);
    expect(stdout).toContain('共 8 行数据：可用站点 5 个，跳过 3 行。');
    expect(stdout).toContain('第 2 个要素（0539）：services “饮用水” → 未识别，是否为“饮水”？');
    expect(stdout).toContain('第 3 个要素（0540）：坐标无法使用，经纬度可能填反了（纬度在前）');
    expect(stdout).toContain('第 4 个要素（0541）：缺少站点名称');
    expect(stdout).toContain('第 5 个要素（0539）：站点编号“0539”重复（与第 2 个要素相同），只保留第一行');
    expect(stdout).toContain('第 6 个要素（0542）：hours “看情况” 无法识别');
    expect(stdout).toContain('第 7 个要素（0543）：坐标 139.767, 35.681 不在中国范围内');
    expect(stdout).toContain('结果：有 3 行被跳过');
  });

  it('says a fault repeated on many rows once, with its row numbers', () => {
    const zh = run(['check', 'repeated.csv']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('  第 2、3、4、5、6、7、8、9、10、11 行等，共 12 行：开放时间 “以现场公示为准” 无法识别，无法判断是否正在开放\n\n');
    const en = run(['check', 'repeated.csv', '--lang', 'en']);
    expect(en.stdout).toContain('  Rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … (12 in all): 开放时间 "以现场公示为准" cannot be read');
  });

  it('speaks English with --lang en or an English LANG', () => {
    const byFlag = run(['check', 'stations-faults.geojson', '--lang', 'en']);
    const byEnv = run(['check', 'stations-faults.geojson'], { LANG: 'en_US.UTF-8' });
    expect(byFlag.stdout).toContain('8 data rows: 5 usable stations, 3 skipped.');
    expect(byFlag.stdout).toContain('Feature 7 (0543): coordinates 139.767, 35.681 are outside China');
    expect(byEnv.stdout).toBe(byFlag.stdout);
    expect(run(['check', 'stations-faults.geojson'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('结果');
  });

  it('exits 0 when every row is usable', () => {
    const { code, stdout } = run(['check', 'stations-clean.geojson']);
    expect(code).toBe(0);
    expect(stdout).toContain('共 2 行数据：可用站点 2 个，跳过 0 行。');
    expect(stdout).toContain('结果：每一行都可用。');
    expect(stdout).not.toContain('需要检查');
  });

  it('exits 2 with a clear message when the file cannot be read', () => {
    const missing = run(['check', 'no-such-file.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('无法读取 no-such-file.csv：文件不存在');
    const notStations = run(['check', 'contacts.csv', '--lang', 'en']);
    expect(notStations.code).toBe(2);
    expect(notStations.stderr).toMatch(/^Cannot read contacts\.csv: .*no longitude and latitude columns/);
    const xls = run(['check', 'old-excel.xls']);
    expect(xls.code).toBe(2);
    expect(xls.stderr).toContain('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 或 CSV');
  });
});

describe('command line', () => {
  it('prints the usage with --help and exits 0', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('station-map check 文件');
    expect(stdout).toContain('退出码');
    expect(run(['check', '--help', '--lang', 'en']).stdout).toContain('Exit codes: 0 every row is usable');
  });

  it.each([
    [[], '缺少命令'],
    [['verify', 'a.csv'], '未知命令“verify”'],
    [['check'], '缺少要读取的文件'],
    [['check', 'a.csv', 'b.csv'], '多余的参数“b.csv”'],
    [['check', 'a.csv', '--colour'], '未知选项“--colour”'],
    [['check', 'a.csv', '--crs'], '选项 --crs 缺少取值'],
    [['check', 'a.csv', '--crs', 'bd-11'], '不支持的坐标系“bd-11”'],
    [['check', 'a.csv', '--lang', 'fr'], '不支持的语言“fr”'],
    [['convert', 'a.csv'], 'convert 需要 -o 输出文件'],
    [['tiles', 'a.csv'], 'tiles 需要 -o 输出文件'],
    [['tiles', 'a.csv', '-o', '-'], 'tiles 的输出是二进制文件'],
    [['tiles', 'a.csv', '-o', 'x.pmtiles', '--station-zoom', '19'], '站点缩放级别“19”无效'],
    [['tiles', 'a.csv', '-o', 'x.pmtiles', '--station-zoom', 'twelve'], '站点缩放级别“twelve”无效'],
    [['convert', 'a.csv', '-o', 'x.geojson', '--station-zoom', '10'], '未知选项“--station-zoom”'],
  ])('refuses %j with a clear error and exit 2', (argv, message) => {
    const { code, stdout, stderr } = run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('station-map --help');
  });
});

describe('station-map convert', () => {
  it('writes a workbook as schema-named GeoJSON in WGS-84 that reads back as the same stations', () => {
    const { code, written, stderr } = run(['convert', 'stations-faults.xlsx', '-o', 'out.geojson', '--crs', 'gcj02']);
    expect(code).toBe(1);
    // What was left out is still said, on stderr.
    expect(stderr).toContain('第 5 行（0541）：缺少站点名称');
    const doc = JSON.parse(written.get('out.geojson')!);
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features[0]).toEqual({
      type: 'Feature',
      id: '0538',
      geometry: { type: 'Point', coordinates: expect.any(Array) },
      properties: {
        name: '泰山区红门工会驿站',
        type: 'union-station',
        address: '泰安市泰山区红门路1号',
        phone: '13800138000',
        hours: '周一至周日 8:00-20:00',
        services: ['water', 'hot-water', 'toilet'],
        manager: '王芳',
        建站日期: '2023-05-01',
      },
    });
    const original = parseStations(readFileSync(join(TABLES, 'stations-faults-gbk.csv')));
    const back = parseStations(written.get('out.geojson')!);
    expect(back.skipped).toEqual([]);
    const schemaOf = (p: Record<string, unknown>) => Object.fromEntries(SCHEMA.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
    expect(back.stations.map((s) => [s.id, schemaOf(s.properties)])).toEqual(original.stations.map((s) => [s.id, schemaOf(s.properties)]));
    back.stations.forEach((station, i) => {
      const [lng, lat] = toWgs84(original.stations[i]!.geometry.coordinates as [number, number], 'gcj02');
      expect(station.geometry.coordinates[0]).toBeCloseTo(lng, 6);
      expect(station.geometry.coordinates[1]).toBeCloseTo(lat, 6);
    });
    // Read back as WGS-84, the converted file is clean: nothing left to convert or rename.
    expect(run(['check', 'stations-faults.xlsx']).code).toBe(1);
  });

  it('writes GeoJSON that parseStations reads back as the same stations, in WGS-84 from GCJ-02', () => {
    const { code, written, stdout } = run(['convert', 'stations-faults.geojson', '-o', 'out.geojson', '--crs', 'gcj02']);
    expect(code).toBe(1);
    expect(stdout).toContain('已写入 out.geojson：5 个站点，坐标已从 GCJ-02 转为 WGS-84。');
    const text = written.get('out.geojson')!;
    const original = parseStations(readFileSync(join(TABLES, 'stations-faults.geojson'), 'utf8'));
    const back = parseStations(text);
    expect(back.skipped).toEqual([]);
    expect(back.stations.map((s) => s.id)).toEqual(original.stations.map((s) => s.id));
    const schemaOf = (p: Record<string, unknown>) => Object.fromEntries(SCHEMA.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
    expect(back.stations.map((s) => schemaOf(s.properties))).toEqual(original.stations.map((s) => schemaOf(s.properties)));
    back.stations.forEach((station, i) => {
      const [lng, lat] = toWgs84(original.stations[i]!.geometry.coordinates as [number, number], 'gcj02');
      expect(station.geometry.coordinates[0]).toBeCloseTo(lng, 6);
      expect(station.geometry.coordinates[1]).toBeCloseTo(lat, 6);
      // GCJ-02 is hundreds of metres off WGS-84 in China (not abroad): the conversion really happened.
      if (station.id !== '0543') expect(Math.abs(station.geometry.coordinates[0]! - original.stations[i]!.geometry.coordinates[0]!)).toBeGreaterThan(0.001);
    });
  });
});

describe('station-map tiles', () => {
  it('writes an archive of the usable stations, reports the skipped rows on stderr and exits 1', async () => {
    const { code, stdout, stderr, binary } = run(['tiles', 'stations-faults.xlsx', '-o', 'out.pmtiles', '--station-zoom', '10']);
    expect(code).toBe(1);
    expect(stderr).toContain(PLANTED_REPORT);
    expect(stdout).toMatch(/^已写入 out\.pmtiles：5 个站点，\d+ 个瓦片，[\d.]+ KB，缩放级别 0–10（10 级起含每个站点）。\n$/);
    const archive = openArchive(binary.get('out.pmtiles')!);
    expect((await archive.getHeader()).maxZoom).toBe(10);
    expect(await archive.getMetadata()).toMatchObject({ station_count: 5, station_zoom: 10, generator: 'station-map 9.9.9' });
    const world = (await readStationTile(archive, 0, 0, 0))!;
    expect(world.reduce((sum, f) => sum + ((f.properties.count as number | undefined) ?? 1), 0)).toBe(5);
  });

  it('converts GCJ-02 input to WGS-84 before cutting tiles, and speaks English when asked', async () => {
    const { code, stdout, binary } = run(['tiles', 'stations-clean.geojson', '-o', 'gcj.pmtiles', '--crs', 'gcj02', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote gcj\.pmtiles: \d+ stations, \d+ tiles, [\d.]+ KB, zooms 0-14 \(every station from 14\)\.\n$/);
    const source = parseStations(readFileSync(join(TABLES, 'stations-clean.geojson'), 'utf8')).stations[0]!;
    const [lng, lat] = toWgs84(source.geometry.coordinates as [number, number], 'gcj02');
    const archive = openArchive(binary.get('gcj.pmtiles')!);
    const header = await archive.getHeader();
    expect(header.minLon).toBeLessThanOrEqual(lng + 1e-6);
    expect(header.maxLat).toBeGreaterThanOrEqual(lat - 1e-6);
    expect(Math.abs(header.minLon - lng)).toBeLessThan(1);
  });
});

describe('the command as a child process', () => {
  let dir = '';
  let script = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'station-map-cli-'));
    script = join(dir, 'station-map.mjs');
    // The same entry rollup builds into dist/cli.js, bundled quickly for the test.
    execFileSync(join(ROOT, 'node_modules/.bin/esbuild'), ['src/cli/bin.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${script}`, '--log-level=warning'], { cwd: ROOT });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 1 on a file with faults and prints the report on stdout', () => {
    const result = spawnSync(process.execPath, [script, 'check', 'stations-faults.xlsx', '--lang', 'zh-CN'], { cwd: TABLES, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(PLANTED_REPORT);
    expect(result.stderr).toBe('');
  });

  it('exits 0 on a clean file and writes a converted one', () => {
    expect(spawnSync(process.execPath, [script, 'check', 'stations-clean.geojson'], { cwd: TABLES }).status).toBe(0);
    const out = join(dir, 'clean.geojson');
    const result = spawnSync(process.execPath, [script, 'convert', 'stations-faults-gbk.csv', '-o', out], { cwd: TABLES, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(parseStations(readFileSync(out, 'utf8')).stations).toHaveLength(5);
  });

  it('exits 2 with a clear message when the output folder does not exist', () => {
    const result = spawnSync(process.execPath, [script, 'tiles', 'stations-clean.geojson', '-o', join(dir, 'no-such-folder', 'x.pmtiles')], { cwd: TABLES, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('无法写入');
    expect(result.stderr).toContain('所在文件夹不存在');
    expect(result.stderr).not.toContain('    at ');
  });

  it('writes a PMTiles archive of the demo stations and prints its summary', async () => {
    const out = join(dir, 'demo.pmtiles');
    const result = spawnSync(process.execPath, [script, 'tiles', join(ROOT, 'demo/data/stations.geojson'), '-o', out, '--lang', 'en'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Wrote .*demo\.pmtiles: 400 stations, \d+ tiles/);
    const archive = openArchive([new Uint8Array(readFileSync(out))]);
    expect(await archive.getMetadata()).toMatchObject({ station_count: 400, json_fields: expect.arrayContaining(['services']) });
  });

  it('exits 2 on an unknown option', () => {
    const result = spawnSync(process.execPath, [script, 'check', '--nope'], { cwd: TABLES, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option "--nope"');
  });
});
