/**
 * The vocabulary table: every name the issue lists (and every name in the table) reads as its id,
 * in simplified and traditional Chinese; services strings split; unknown values stay as given.
 */
import { describe, expect, it } from 'vitest';
import {
  FIELD_HEADERS,
  SERVICE_NAMES,
  STATION_TYPE_NAMES,
  foldName,
  splitHonors,
  splitServices,
  toServiceId,
  toStationType,
} from '../../../src/data/vocabulary.js';
import { en } from '../../../src/i18n/en.js';
import { FieldReader } from '../../../src/data/station-fields.js';

describe('station types', () => {
  it.each([
    ['工会驿站', 'union-station'],
    ['工會驛站', 'union-station'],
    ['户外劳动者服务站', 'outdoor-worker-station'],
    ['户外劳动者驿站', 'outdoor-worker-station'],
    ['爱心驿站', 'outdoor-worker-station'],
    ['戶外勞動者服務站', 'outdoor-worker-station'],
    ['职工服务中心', 'service-center'],
    ['職工服務中心', 'service-center'],
    ['爱心妈咪小屋', 'mommy-room'],
    ['母婴室', 'mommy-room'],
    ['愛心媽咪小屋', 'mommy-room'],
    ['司机之家', 'driver-home'],
    ['司機之家', 'driver-home'],
    ['职工书屋', 'reading-room'],
    ['職工書屋', 'reading-room'],
    ['union-station', 'union-station'],
    [' 工会驿站 ', 'union-station'],
  ])('%s → %s', (name, id) => {
    expect(toStationType(name)).toBe(id);
  });

  it('reads every name of the table as its id, and has no name under two ids', () => {
    const seen = new Map<string, string>();
    for (const { id, names } of STATION_TYPE_NAMES) {
      expect(toStationType(id)).toBe(id);
      for (const name of names) {
        expect(toStationType(name), name).toBe(id);
        expect(seen.get(name) ?? id, name).toBe(id);
        seen.set(name, id);
      }
    }
    // Every known type has its label and icon in the UI.
    expect(STATION_TYPE_NAMES.map((t) => t.id).sort()).toEqual(Object.keys(en.stationTypes).filter((k) => k !== 'other').sort());
  });

  it('does not know other values', () => {
    for (const value of ['职工之家', 'other', '', '工会', 42, null, undefined]) expect(toStationType(value)).toBeUndefined();
  });
});

describe('services', () => {
  it.each([
    ['饮水', 'water'],
    ['热水', 'hot-water'],
    ['如厕', 'toilet'],
    ['休息', 'rest'],
    ['充电', 'charging'],
    ['手机充电', 'charging'],
    ['微波炉', 'microwave'],
    ['热饭', 'microwave'],
    ['医药箱', 'medicine'],
    ['应急药品', 'medicine'],
    ['空调', 'air-conditioning'],
    ['暖气', 'heating'],
    ['无线网络', 'wifi'],
    ['WiFi', 'wifi'],
    ['图书', 'books'],
    ['法律援助', 'legal-aid'],
    ['理发', 'haircut'],
    ['电瓶车换电', 'battery-swap'],
    ['飲水', 'water'],
    ['熱水', 'hot-water'],
    ['手機充電', 'charging'],
    ['醫藥箱', 'medicine'],
    ['無線網路', 'wifi'],
    ['圖書', 'books'],
    ['理髮', 'haircut'],
    ['電瓶車換電', 'battery-swap'],
  ])('%s → %s', (name, id) => {
    expect(toServiceId(name)).toBe(id);
  });

  it('reads every name of the table as its id; every id has a UI label', () => {
    for (const { id, names } of SERVICE_NAMES) {
      expect(toServiceId(id)).toBe(id);
      for (const name of names) expect(toServiceId(name), name).toBe(id);
    }
    expect(SERVICE_NAMES.map((s) => s.id).sort()).toEqual(Object.keys(en.services).sort());
  });

  it('does not know other values (the checker suggests the closest one)', () => {
    for (const value of ['饮用水', '洗衣', '', 'karaoke']) expect(toServiceId(value)).toBeUndefined();
  });

  it('splits a services cell on 、 ， , ； ; ／ / and whitespace', () => {
    expect(splitServices('饮水、热水，如厕,休息；充电;空调／暖气/图书 理发\t法律援助\n无线网络')).toEqual([
      '饮水', '热水', '如厕', '休息', '充电', '空调', '暖气', '图书', '理发', '法律援助', '无线网络',
    ]);
    expect(splitServices(' 、 ')).toEqual([]);
  });

  it('splits honours on 、 ， , ； ; and line breaks only', () => {
    expect(splitHonors('最美驿站；2023/2024 年度 五星级驿站、 ')).toEqual(['最美驿站', '2023/2024 年度 五星级驿站']);
  });
});

describe('field headers', () => {
  const reader = new FieldReader();
  const field = (header: string) => reader.fieldOf(header)?.field;

  it.each([
    ['名称', 'name'], ['站点名称', 'name'], ['站名', 'name'],
    ['编号', 'id'], ['站点编号', 'id'], ['站点代码', 'id'], ['code', 'id'],
    ['类型', 'type'], ['站点类型', 'type'],
    ['地址', 'address'], ['详细地址', 'address'],
    ['电话', 'phone'], ['联系电话', 'phone'], ['联系方式', 'phone'],
    ['开放时间', 'hours'], ['服务时间', 'hours'], ['营业时间', 'hours'],
    ['服务项目', 'services'], ['服务内容', 'services'],
    ['站长', 'manager'], ['负责人', 'manager'],
    ['评价链接', 'rating_url'], ['荣誉', 'honors'],
    ['经度', 'lng'], ['纬度', 'lat'],
    ['lng', 'lng'], ['lon', 'lng'], ['longitude', 'lng'], ['x', 'lng'],
    ['lat', 'lat'], ['latitude', 'lat'], ['y', 'lat'],
    ['經度', 'lng'], ['緯度', 'lat'], ['站點名稱', 'name'], ['聯絡電話', 'phone'],
    ['经纬度', 'coordinates'], ['坐标', 'coordinates'],
  ])('%s is read as %s', (header, id) => {
    expect(field(header)).toBe(id);
  });

  it('reads every header of the table, the way spreadsheets dress them up', () => {
    for (const [name, headers] of Object.entries(FIELD_HEADERS)) {
      for (const header of headers) expect(field(header), header).toBe(name);
    }
    expect(field('经度（GCJ-02）')).toBe('lng');
    expect(field(' 站点名称* ')).toBe('name');
    expect(field('LONGITUDE')).toBe('lng');
    expect(field('ＬＡＴ')).toBe('lat');
    expect(field('备注')).toBeUndefined();
    expect(foldName('（备注）')).toBe('(备注)');
  });

  it('ranks the schema name first, then the table order', () => {
    expect(reader.fieldOf('name')!.rank).toBeLessThan(reader.fieldOf('名称')!.rank);
    expect(reader.fieldOf('站点编号')!.rank).toBeLessThan(reader.fieldOf('序号')!.rank);
    expect(new FieldReader({ name: '驿站全称' }).fieldOf('驿站全称')).toEqual({ field: 'name', rank: 0 });
  });
});
