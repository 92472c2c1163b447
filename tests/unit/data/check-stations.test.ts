import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStations, isRoughlyInChina } from '../../../src/data/check-stations.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url)));

/** The problems as short lines, easy to compare: "row kind field value → suggestion". */
function lines(check: ReturnType<typeof checkStations>): string[] {
  return check.problems.map((p) =>
    [p.row ?? `#${p.index}`, p.kind, p.field, p.value, p.suggestion ? `→ ${p.suggestion}` : '', p.first ? `first ${p.first.row ?? `#${p.first.index}`}` : '', p.skipped ? 'skipped' : '']
      .filter((x) => x !== '' && x !== undefined)
      .join(' '),
  );
}

const PLANTED = [
  '3 unknown-service 服务项目 饮用水 → 饮水',
  '4 swapped-coordinates 经度, 纬度 36.1872, 117.1101 skipped',
  '6 duplicate-id 站点编号 0539 first 3 skipped',
  '7 unreadable-hours 开放时间 看情况',
  '8 outside-china 经度, 纬度 139.767, 35.681',
  '9 unknown-type 站点类型 工会驿点 → 工会驿站',
];

describe('checkStations', () => {
  it('finds every planted fault of a GBK-encoded CSV, by spreadsheet row', () => {
    const check = checkStations(fixture('stations-faults-gbk.csv'));
    expect(check.error).toBeUndefined();
    expect(check.total).toBe(8);
    expect(check.stations.map((s) => s.id)).toEqual(['0538', '0539', '0542', '0543', '0544']);
    expect(check.skipped.map((s) => [s.row, s.reason])).toEqual([[4, 'bad-coordinates'], [5, 'missing-name'], [6, 'duplicate-id']]);
    expect(lines(check)).toEqual(PLANTED);
  });

  it('judges GeoJSON the same way, by feature position and property name', () => {
    const check = checkStations(new TextDecoder().decode(fixture('stations-faults.geojson')));
    expect(lines(check)).toEqual([
      '#1 unknown-service services 饮用水 → 饮水',
      '#2 swapped-coordinates coordinates 36.1872, 117.1101 skipped',
      '#4 duplicate-id id 0539 first #1 skipped',
      '#5 unreadable-hours hours 看情况',
      '#6 outside-china coordinates 139.767, 35.681',
      '#7 unknown-type type 工会驿点 → 工会驿站',
    ]);
  });

  it('tells swapped coordinates that still load from a point abroad, and says nothing of clean rows', () => {
    const csv = [
      '编号,名称,类型,经度,纬度,服务项目,开放时间',
      // Urumqi with latitude first: still in range (latitude 87.62), so it loads, near the North Pole.
      'XJ-1,乌鲁木齐驿站,工会驿站,43.83,87.62,饮水、如厕,8:00-18:00',
      'WH-2,武汉汉口驿站,户外劳动者服务站,114.27,30.6,"热水，手机充电",24小时',
      'XX-1,Null Island,工会驿站,0,0,,',
    ].join('\n');
    expect(lines(checkStations(csv))).toEqual(['2 swapped-coordinates 经度, 纬度 43.83, 87.62', '4 outside-china 经度, 纬度 0, 0']);
  });

  it('names the page\'s own headers given in `fields`', () => {
    const csv = '驿站代号,驿站名称,lng,lat,提供服务\nA,红门驿站,117.13,36.21,饮用水\n';
    const check = checkStations(csv, { fields: { id: '驿站代号', name: '驿站名称', services: '提供服务' } });
    expect(lines(check)).toEqual(['2 unknown-service 提供服务 饮用水 → 饮水']);
  });

  it('suggests nothing for a service far from every known one, but still reports it', () => {
    const check = checkStations('编号,名称,经度,纬度,服务项目\nA,红门驿站,117.13,36.21,洗衣\n');
    expect(lines(check)).toEqual(['2 unknown-service 服务项目 洗衣']);
  });

  it('passes the parser\'s error through for a file that is no station data', () => {
    const check = checkStations('姓名,电话\n张三,123\n');
    expect(check.error?.message).toMatch(/no longitude and latitude columns/);
    expect(check.problems).toEqual([]);
  });
});

describe('isRoughlyInChina', () => {
  it('takes in the mainland, Hainan, Taiwan and the Nansha islands, not Tokyo or swapped pairs', () => {
    expect(isRoughlyInChina(117.13, 36.21)).toBe(true);
    expect(isRoughlyInChina(110.33, 20.03)).toBe(true); // Haikou
    expect(isRoughlyInChina(121.56, 25.04)).toBe(true); // Taipei
    expect(isRoughlyInChina(112.9, 9.55)).toBe(true); // Nansha
    expect(isRoughlyInChina(139.77, 35.68)).toBe(false);
    expect(isRoughlyInChina(36.21, 117.13)).toBe(false);
  });
});
