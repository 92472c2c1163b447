/**
 * schema/station-collection.schema.json describes the station files the widget reads. These tests
 * hold it to the data and the code: the demo data passes, the features the parser skips fail,
 * and its lists of known types and services are the ones the UI has icons and labels for.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStations } from '../../../src/data/parse-stations.js';
import { en } from '../../../src/i18n/en.js';
import { TYPE_COLORS } from '../../../src/icons/station-icons.js';
import { ROOT } from './manifest.js';

type Schema = boolean | { [keyword: string]: unknown };

const schema = JSON.parse(readFileSync(`${ROOT}schema/station-collection.schema.json`, 'utf8')) as Record<string, unknown> & {
  $defs: Record<string, Record<string, unknown>>;
};
const readJson = (path: string): unknown => JSON.parse(readFileSync(`${ROOT}${path}`, 'utf8'));

/** JSON type name of a value, as JSON Schema's `type` uses them. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * A small validator for the draft 2020-12 keywords this schema uses ($ref to #/$defs, type, const,
 * enum, required, properties, patternProperties, items, prefixItems, minItems, minimum, maximum,
 * pattern, anyOf). Annotations (title, description, examples, format) are ignored, as the spec
 * allows. Unknown keywords fail loudly so the schema cannot outgrow the test unnoticed.
 */
function validate(value: unknown, node: Schema, path = '$'): string[] {
  if (node === true) return [];
  if (node === false) return [`${path}: not allowed`];
  const errors: string[] = [];
  for (const [keyword, arg] of Object.entries(node)) {
    switch (keyword) {
      case '$schema': case '$id': case 'title': case 'description': case 'examples': case 'format':
        break;
      case '$defs':
        break;
      case '$ref': {
        const name = /^#\/\$defs\/(.+)$/.exec(String(arg))?.[1];
        if (!name || !schema.$defs[name]) throw new Error(`unresolvable $ref ${String(arg)}`);
        errors.push(...validate(value, schema.$defs[name] as Schema, path));
        break;
      }
      case 'type': {
        const types = Array.isArray(arg) ? arg : [arg];
        const actual = typeOf(value);
        if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) errors.push(`${path}: expected ${types.join(' or ')}, got ${actual}`);
        break;
      }
      case 'const':
        if (value !== arg) errors.push(`${path}: expected ${JSON.stringify(arg)}`);
        break;
      case 'enum':
        if (!(arg as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of the enum`);
        break;
      case 'required':
        if (typeOf(value) === 'object') for (const key of arg as string[]) if (!(key in (value as object))) errors.push(`${path}: missing ${key}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object') {
          for (const [key, sub] of Object.entries(arg as Record<string, Schema>)) {
            if (key in (value as object)) errors.push(...validate((value as Record<string, unknown>)[key], sub, `${path}.${key}`));
          }
        }
        break;
      case 'patternProperties':
        if (typeOf(value) === 'object') {
          for (const [pattern, sub] of Object.entries(arg as Record<string, Schema>)) {
            for (const [key, v] of Object.entries(value as object)) if (new RegExp(pattern, 'u').test(key)) errors.push(...validate(v, sub, `${path}.${key}`));
          }
        }
        break;
      case 'prefixItems':
        if (Array.isArray(value)) (arg as Schema[]).forEach((sub, i) => i < value.length && errors.push(...validate(value[i], sub, `${path}[${i}]`)));
        break;
      case 'items': {
        if (!Array.isArray(value)) break;
        const skip = Array.isArray(node.prefixItems) ? node.prefixItems.length : 0;
        value.slice(skip).forEach((v, i) => errors.push(...validate(v, arg as Schema, `${path}[${i + skip}]`)));
        break;
      }
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) errors.push(`${path}: fewer than ${String(arg)} items`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) errors.push(`${path}: below ${String(arg)}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) errors.push(`${path}: above ${String(arg)}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) errors.push(`${path}: does not match ${String(arg)}`);
        break;
      case 'anyOf': {
        const branches = (arg as Schema[]).map((sub) => validate(value, sub, path));
        if (branches.every((b) => b.length)) errors.push(`${path}: matches none of anyOf (${branches.map((b) => b[0]).join(' | ')})`);
        break;
      }
      default:
        throw new Error(`the test validator does not know the keyword "${keyword}"`);
    }
  }
  return errors;
}

const station = (over: Record<string, unknown> = {}, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id: 'TA-0391',
  geometry: { type: 'Point', coordinates: [117.13, 36.212] },
  properties: { name: '红门工会驿站', ...properties },
  ...over,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

describe('station collection JSON Schema', () => {
  it('is a draft 2020-12 schema', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(String(schema.$id)).toMatch(/station-collection\.schema\.json$/);
  });

  it('accepts the demo data and the spec example', () => {
    const demo = readJson('demo/data/stations.geojson') as { features: unknown[] };
    expect(demo.features.length).toBeGreaterThan(100);
    expect(validate(demo, schema)).toEqual([]);
    expect(validate(collection(station({}, { type: 'union-station', hours: '24/7', phone: '0538-6231234', services: ['water', 'toilet', 'charging'] })), schema)).toEqual([]);
  });

  it('accepts the id in properties.id or properties.code, and types and services it does not know', () => {
    const { id: _, ...noId } = station();
    expect(validate(collection({ ...noId, properties: { name: 'A', id: 7 } }), schema)).toEqual([]);
    expect(validate(collection({ ...noId, properties: { name: 'A', code: 'JN-01' } }), schema)).toEqual([]);
    expect(validate(collection(station({}, { type: 'workers-canteen', services: ['karaoke'], 'name:en': 'Hongmen' })), schema)).toEqual([]);
  });

  it('rejects what the parser skips', () => {
    const { id: _, ...noId } = station();
    const bad = {
      'no geometry': station({ geometry: null }),
      'a LineString': station({ geometry: { type: 'LineString', coordinates: [[117, 36], [118, 37]] } }),
      'latitude out of range': station({ geometry: { type: 'Point', coordinates: [36.2, 117.1] } }),
      'coordinates as text': station({ geometry: { type: 'Point', coordinates: ['117.1', '36.2'] } }),
      'no id anywhere': noId,
      'a blank id': station({ id: '  ' }),
      'no name': station({ properties: { type: 'union-station' } }),
      'a blank name': station({}, { name: ' ' }),
      'services not a list': station({}, { services: 'water' }),
    };
    for (const [why, feature] of Object.entries(bad)) {
      expect(validate(collection(feature), schema).length, why).toBeGreaterThan(0);
      expect(parseStations(collection(feature)).stations.length === 0 || why === 'services not a list', why).toBe(true);
    }
    expect(validate({ type: 'Feature' }, schema).length).toBeGreaterThan(0);
  });

  it('agrees with parseStations on the demo file of broken stations (duplicates aside)', () => {
    const doc = readJson('demo/data/stations-with-errors.geojson') as { features: unknown[] };
    const { skipped } = parseStations(doc);
    expect(skipped.length).toBeGreaterThan(0);
    const skippedByParser = skipped.filter((s) => s.reason !== 'duplicate-id').map((s) => s.index);
    const rejectedBySchema = doc.features.flatMap((f, i) => (validate(f, { $ref: '#/$defs/station' }).length ? [i] : []));
    expect(rejectedBySchema).toEqual(skippedByParser);
  });

  it('lists exactly the station types and services the UI has icons and labels for', () => {
    const types = Object.keys(TYPE_COLORS).filter((t) => t !== 'other');
    expect([...(schema.$defs.knownStationType!.enum as string[])].sort()).toEqual(types.sort());
    expect([...(schema.$defs.knownService!.enum as string[])].sort()).toEqual(Object.keys(en.services).sort());
    expect(Object.keys(en.stationTypes).filter((t) => t !== 'other').sort()).toEqual(types.sort());
  });
});
