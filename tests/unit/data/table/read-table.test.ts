/**
 * Tables through parseStations and through the element's sliced path: headers and values read as
 * the schema's, original properties untouched, skipped rows with their spreadsheet row numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStoreSliced } from '../../../../src/data/build-store-sliced.js';
import { parseStations } from '../../../../src/data/parse-stations.js';
import { StationTable } from '../../../../src/data/station-table.js';
import { prepareStationInput } from '../../../../src/data/table/read-table.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/table/${name}`, import.meta.url));

/** What the fixture (header row 1) must give, whatever its encoding. */
function expectFixtureResult(result: ReturnType<typeof parseStations>) {
  expect(result.error).toBeUndefined();
  expect(result.stations.map((s) => s.id)).toEqual(['TA-0391', 'TA-0392', 'TA-0393', 'TA-0394', 'TA-0395']);
  expect(result.skipped.map(({ row, reason, id }) => ({ row, reason, id }))).toEqual([
    { row: 7, reason: 'missing-geometry', id: 'TA-0396' },
    { row: 8, reason: 'missing-name', id: 'TA-0397' },
    { row: 9, reason: 'duplicate-id', id: 'TA-0391' },
    { row: 10, reason: 'bad-coordinates', id: 'TA-0398' },
  ]);
  expect(result.skipped.map((s) => s.message)).toEqual([
    'Row 7 ("TA-0396") has no coordinates: its "经度" cell is empty',
    'Row 8 ("TA-0397") has no name: its "站点名称" cell is empty',
    'Row 9 ("TA-0391") has the same id as row 2; the first one is kept',
    'Row 10 ("TA-0398") has bad coordinates: [36.2, 117.1] is out of range: longitude must be within -180…180 and latitude within -90…90 (are longitude and latitude swapped?)',
  ]);
  const [first, second, third, fourth, fifth] = result.stations;
  expect(first!.geometry.coordinates).toEqual([117.1306, 36.2106]);
  expect(first!.properties).toEqual({
    站点编号: 'TA-0391',
    站点名称: '泰山区红门工会驿站',
    站点类型: '工会驿站',
    详细地址: '泰安市泰山区红门路1号，红门广场东侧',
    经度: '117.1306',
    纬度: '36.2106',
    开放时间: '24小时',
    联系电话: '0538-6231234',
    站长: '张伟',
    服务项目: '饮水、热水、如厕、手机充电',
    评价链接: 'https://example.org/rate/TA-0391',
    荣誉: '最美工会户外劳动者服务站',
    name: '泰山区红门工会驿站',
    type: 'union-station',
    address: '泰安市泰山区红门路1号，红门广场东侧',
    hours: '24小时',
    phone: '0538-6231234',
    manager: '张伟',
    services: ['water', 'hot-water', 'toilet', 'charging'],
    rating_url: 'https://example.org/rate/TA-0391',
    honors: ['最美工会户外劳动者服务站'],
  });
  expect(second!.properties).toMatchObject({ type: 'outdoor-worker-station', address: '泰安市泰山区岱庙街\n（北门旁）', services: ['water', 'hot-water', 'microwave', 'medicine'] });
  expect(third!.properties).toMatchObject({ type: 'mommy-room', services: ['nursing', 'rest', 'air-conditioning'] });
  expect(third!.properties.phone).toBeUndefined();
  // Unknown services are kept as given.
  expect(fourth!.properties.services).toEqual(['water', 'hot-water', 'toilet', 'charging', 'battery-swap', '洗衣']);
  expect(fifth!.properties).toMatchObject({ 站点类型: '職工書屋', type: 'reading-room', services: ['books', 'wifi', 'water'] });
}

describe('parseStations on a table', () => {
  it('reads a GBK CSV from Excel on Chinese Windows (bytes)', () => {
    expectFixtureResult(parseStations(fixture('union-stations.gbk.csv')));
    expectFixtureResult(parseStations(new Uint8Array(fixture('union-stations.gbk.csv')).buffer));
  });

  it('reads UTF-8 bytes with and without BOM, and text', () => {
    expectFixtureResult(parseStations(fixture('union-stations.utf8.csv')));
    expectFixtureResult(parseStations(fixture('union-stations.utf8-bom.csv')));
    expectFixtureResult(parseStations(fixture('union-stations.utf8.csv').toString('utf8')));
  });

  it('reads TSV, a title row above the header, and numbers rows as the spreadsheet does', () => {
    const tsv = '泰安市工会驿站一览表\t\t\t\n\n编号\t名称\t经度\t纬度\nA1\t红门\t117.1\t36.2\nA2\t\t117.1\t36.2\n';
    const result = parseStations(tsv);
    expect(result.stations.map((s) => s.properties.name)).toEqual(['红门']);
    expect(result.skipped).toEqual([{ index: 1, id: 'A2', reason: 'missing-name', row: 5, message: 'Row 5 ("A2") has no name: its "名称" cell is empty' }]);
  });

  it('reads one "lng,lat" column, with a full-width comma too, and English GIS headers', () => {
    const result = parseStations('code,name,经纬度\nA1,红门,"117.13,36.21"\nA2,岱庙,117.12，36.19\nA3,坏,117.1\n');
    expect(result.stations.map((s) => s.geometry.coordinates)).toEqual([[117.13, 36.21], [117.12, 36.19]]);
    expect(result.skipped).toMatchObject([{ row: 4, reason: 'bad-coordinates', message: 'Row 4 ("A3") has bad coordinates: its "经纬度" cell "117.1" is not "longitude,latitude"' }]);
    const gis = parseStations('ID,NAME,X,Y,TYPE\n7,红门,117.13,36.21,工会驿站\n');
    expect(gis.stations[0]).toMatchObject({ id: '7', geometry: { coordinates: [117.13, 36.21] }, properties: { NAME: '红门', name: '红门', type: 'union-station' } });
  });

  it('reads headers it does not know through fields', () => {
    const csv = '驿站代码,驿站全称,值班电话,东经,北纬\nA1,红门驿站,0538-1,117.1,36.2\n';
    expect(parseStations(csv).error?.message).toMatch(/no longitude and latitude columns .* the header row has: 驿站代码, 驿站全称, 值班电话, 东经, 北纬$/);
    const result = parseStations(csv, { fields: { id: '驿站代码', name: '驿站全称', phone: '值班电话', lng: '东经', lat: '北纬' } });
    expect(result.stations[0]).toMatchObject({ id: 'A1', properties: { 驿站全称: '红门驿站', name: '红门驿站', phone: '0538-1' } });
  });

  it('reports a table without ids by row, and says what the text is when it is no table at all', () => {
    expect(parseStations('名称,经度,纬度\n红门,117.1,36.2\n').skipped).toMatchObject([
      { row: 2, reason: 'missing-id', message: 'Row 2 has no id: the table has no id column (编号, 站点编号, code, id …)' },
    ]);
    expect(parseStations('hello').error).toEqual({
      code: 'invalid-geojson',
      message: 'Not GeoJSON, and not a station table: no longitude and latitude columns (经度 and 纬度, lng and lat, or one 经纬度 column); the header row has: hello',
    });
    // JSON bytes are GeoJSON, not a table.
    const json = new TextEncoder().encode(JSON.stringify({ type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [1, 2] }, properties: { name: 'n' } }));
    expect(parseStations(json).stations).toHaveLength(1);
  });

  it('gives the same stations and skipped rows on the element’s sliced path', async () => {
    const prepared = prepareStationInput(fixture('union-stations.gbk.csv'));
    expect('data' in prepared && prepared.data instanceof StationTable).toBe(true);
    const { result, store } = await buildStoreSliced((prepared as { data: unknown }).data);
    const oneShot = parseStations(fixture('union-stations.gbk.csv'));
    expect(result.skipped).toEqual(oneShot.skipped);
    expect(Array.from({ length: store!.size }, (_, i) => store!.station(i))).toEqual(oneShot.stations);
  });
});

describe('parseStations on GeoJSON named the way unions name it', () => {
  const feature = (properties: Record<string, unknown>, id?: string) => ({
    type: 'Feature',
    ...(id === undefined ? {} : { id }),
    geometry: { type: 'Point', coordinates: [117.13, 36.21] },
    properties,
  });

  it('reads Chinese keys and values, keeps the originals, and leaves the input unchanged', () => {
    const properties = { 编号: 'TA-1', 名称: '红门', 类型: '户外劳动者服务站', 服务项目: '饮水、热水、如厕、充电', 电话: '0538' };
    const input = { type: 'FeatureCollection', features: [feature(properties)] };
    const before = JSON.stringify(input);
    const [station] = parseStations(input).stations;
    expect(station!.id).toBe('TA-1');
    expect(station!.properties).toEqual({ ...properties, name: '红门', type: 'outdoor-worker-station', services: ['water', 'hot-water', 'toilet', 'charging'], phone: '0538' });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('maps Chinese values under the schema keys; arrays keep working; unknown values stay as given', () => {
    const [a, b] = parseStations([
      feature({ name: 'A', type: '工会驿站', services: '饮水 热水' }, 'a'),
      feature({ name: 'B', type: '职工之家', services: ['water', '手机充电', '洗衣'], honors: '最美驿站；五星' }, 'b'),
    ]).stations;
    expect(a!.properties).toEqual({ name: 'A', type: 'union-station', services: ['water', 'hot-water'] });
    expect(b!.properties).toEqual({ name: 'B', type: '职工之家', services: ['water', 'charging', '洗衣'], honors: ['最美驿站', '五星'] });
  });

  it('keeps clean properties as the same object (the fast path), and the schema key wins over an alias', () => {
    const clean = { name: 'A', type: 'union-station', services: ['water'], 'name:en': 'A', code: 'x' };
    const input = [feature(clean, 'a')];
    expect(parseStations(input).stations[0]!.properties).toBe(clean);
    const both = parseStations([feature({ name: 'English', 名称: '中文' }, 'b')]).stations[0]!;
    expect(both.properties).toBe(both.properties);
    expect(both.properties.name).toBe('English');
    const named = parseStations([feature({ name: 'English', 驿站全称: '中文' }, 'c')], { fields: { name: '驿站全称' } }).stations[0]!;
    expect(named.properties.name).toBe('中文');
  });
});
