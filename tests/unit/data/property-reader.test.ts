/**
 * The element parses with the small schema reader and loads the full one (Chinese headers, the
 * vocabulary) only when a station needs it. These tests hold the two to the same answers: on
 * data the schema reader accepts it must read exactly what the full reader reads, and it must
 * refuse everything the full reader would read differently.
 */
import { describe, expect, it } from 'vitest';
import { buildStoreSliced, buildStoreSteps } from '../../../src/data/build-store-sliced.js';
import { KNOWN_STATION_TYPES } from '../../../src/data/filter-stations.js';
import { ENGLISH_FIELD_HEADERS, ENGLISH_VALUE_NAMES, KNOWN_SERVICES, NeedsFieldReader, SchemaReader } from '../../../src/data/property-reader.js';
import { parseStations } from '../../../src/data/parse-stations.js';
import { FieldReader } from '../../../src/data/station-fields.js';
import { FIELD_HEADERS, SERVICE_NAMES, STATION_TYPE_NAMES } from '../../../src/data/vocabulary.js';
import { runSteps } from '../../../src/util/steps.js';

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });

/** Schema-clean stations with the awkward cases: ids from properties, numeric ids, blank names, duplicates, non-objects. */
function schemaCollection() {
  const features: unknown[] = [];
  for (let i = 0; i < 300; i++) {
    const properties: Record<string, unknown> = {
      name: i % 50 === 7 ? '  ' : `Station ${i}`,
      type: i % 9 === 1 ? 'retiree-club' : KNOWN_STATION_TYPES[i % KNOWN_STATION_TYPES.length],
      services: [...KNOWN_SERVICES.slice(i % 5, (i % 5) + 3), ...(i % 7 === 2 ? ['sewing'] : [])],
      honors: ['五一巾帼标兵岗'],
      address: `Road ${i}`,
      phone: i % 2 ? '0538-6231234' : 12345,
      hours: '24/7',
      status: 'open',
      photos: ['https://example.org/a.jpg'],
      district: '泰山区',
      'name:en': `Station ${i}`,
      sample: true,
    };
    if (i % 10 === 3) properties.id = ` P-${i} `;
    if (i % 10 === 4) properties.id = i;
    features.push({ type: 'Feature', id: i % 10 === 3 || i % 10 === 4 ? undefined : i % 97 === 5 ? 'dup' : `S-${i}`, geometry: point(117 + i / 1000, 36), properties });
  }
  features.push({ type: 'Feature', id: 'no-props', geometry: point(117, 36), properties: null });
  features.push('not a feature', { type: 'Feature', id: 'bad', geometry: point(500, 36), properties: { name: 'x' } });
  return { type: 'FeatureCollection', features };
}

function parseWith(collection: unknown, reader: SchemaReader | FieldReader) {
  const { result, store } = runSteps(buildStoreSteps(collection, { reader }));
  return { result, stations: store ? Array.from({ length: store.size }, (_, i) => store.station(i)) : [] };
}

describe('SchemaReader', () => {
  it('knows the same type and service ids as the vocabulary', () => {
    expect([...KNOWN_STATION_TYPES].sort()).toEqual(STATION_TYPE_NAMES.map((t) => t.id).sort());
    expect([...KNOWN_SERVICES].sort()).toEqual(SERVICE_NAMES.map((s) => s.id).sort());
  });

  it('knows every ASCII name of a type or service in the vocabulary', () => {
    const ascii = [...STATION_TYPE_NAMES, ...SERVICE_NAMES].flatMap((e) => e.names).filter((n) => /^[\x20-\x7e]+$/.test(n));
    expect([...ENGLISH_VALUE_NAMES].sort()).toEqual([...new Set(ascii)].sort());
  });

  it('knows every ASCII header of the vocabulary', () => {
    const ascii = Object.values(FIELD_HEADERS).flat().filter((h) => /^[\x20-\x7e]+$/.test(h));
    expect([...ENGLISH_FIELD_HEADERS].sort()).toEqual([...new Set(ascii)].sort());
  });

  it('reads schema data exactly as the full reader does', () => {
    const collection = schemaCollection();
    const schema = parseWith(collection, new SchemaReader());
    const full = parseWith(collection, new FieldReader());
    expect(schema.stations.length).toBeGreaterThan(250);
    expect(schema.result.skipped.length).toBeGreaterThan(3);
    expect(schema).toEqual(full);
  });

  it.each([
    ['a Chinese header', { 站点名称: '红门驿站' }],
    ['a GIS alias', { name: 'A', code: 'X-1' }],
    ['a header in another case', { NAME: 'A' }],
    ['a Chinese property name', { name: 'A', 所属区县: '泰山区' }],
    ['a name that folds to a header', { name: 'A', 'Opening_Hours': 'Mo-Fr 08:00-18:00' }],
    ['an English alias', { name: 'A', tel: '0538-1' }],
    ['a type in Chinese', { name: 'A', type: '工会驿站' }],
    ['a type in capitals', { name: 'A', type: 'Union-Station' }],
    ['a service the vocabulary names in English', { name: 'A', services: ['wi-fi'] }],
    ['services as one string', { name: 'A', services: 'water,toilet' }],
    ['a service in Chinese', { name: 'A', services: ['饮水'] }],
    ['honors as one string', { name: 'A', honors: '五一巾帼标兵岗、工人先锋号' }],
  ])('refuses %s, which the full reader reads', (_, properties) => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', geometry: point(117, 36), properties }] };
    expect(new SchemaReader().accepts(properties)).toBe(false);
    expect(() => runSteps(buildStoreSteps(collection))).toThrow(NeedsFieldReader);
  });

  it('leaves a page\'s own headers to the full reader', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'a', geometry: point(117, 36), properties: { name: 'A' } }] };
    expect(() => runSteps(buildStoreSteps(collection, { fields: { phone: '值班电话' } }))).toThrow(NeedsFieldReader);
  });

  it('buildStoreSliced loads the full reader when a station needs it, with the answers of parseStations', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: point(117.1, 36.2), properties: { 站点编号: 'TA-1', 站点名称: '红门驿站', 站点类型: '工会驿站', 服务项目: '饮水、热水' } },
        { type: 'Feature', id: 'b', geometry: point(117.2, 36.2), properties: { name: 'B', type: 'mommy-room' } },
      ],
    };
    const { result, store } = await buildStoreSliced(collection);
    const expected = parseStations(collection);
    expect(result.skipped).toEqual(expected.skipped);
    expect([store!.station(0), store!.station(1)]).toEqual(expected.stations);
    expect(store!.station(0).properties).toMatchObject({ name: '红门驿站', type: 'union-station', services: ['water', 'hot-water'] });
  });
});
