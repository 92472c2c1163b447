/**
 * A station's properties as vector-tile values: MVT values are scalars, so arrays and objects
 * (`services`, `honors`, `photos` …) become JSON text, `null`s are left out, and the station's
 * code is the string property `id` (an MVT feature id is an integer and cannot hold it).
 */

/** A value an MVT feature can carry. */
export type TileValue = string | number | boolean;

/** The property names a reader parses back from JSON text when the archive does not list them. */
export const DEFAULT_JSON_FIELDS: readonly string[] = ['services', 'honors', 'photos'];

/**
 * Whether a property name would make a station read as a cluster (`count`, `count:…`): such a
 * property of a station is left out of its tiles.
 */
export function isClusterPropertyName(key: string): boolean {
  return key === 'count' || key.startsWith('count:');
}

/**
 * The tile properties of a station: `id` first, then every property that is not `null`, arrays
 * and objects as JSON text. `jsonFields`, when given, collects the names written as JSON text.
 *
 * @example toTileProperties('A1', { name: '驿站', services: ['water'], phone: null })
 * // { id: 'A1', name: '驿站', services: '["water"]' }
 */
export function toTileProperties(
  id: string,
  properties: Readonly<Record<string, unknown>> | null | undefined,
  jsonFields?: Set<string>,
): Record<string, TileValue> {
  const out: Record<string, TileValue> = { id };
  if (!properties) return out;
  for (const key of Object.keys(properties)) {
    if (key === 'id' || isClusterPropertyName(key)) continue;
    const value = properties[key];
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'boolean') out[key] = value;
    // NaN and the infinities have no JSON form: a reader could not tell them from missing data.
    else if (typeof value === 'number') {
      if (Number.isFinite(value)) out[key] = value;
    } else if (typeof value === 'object') {
      out[key] = JSON.stringify(value);
      jsonFields?.add(key);
    }
  }
  return out;
}

/**
 * The TileJSON type name of a value (`vector_layers[].fields`).
 *
 * @example tileValueType(3) // 'Number'
 */
export function tileValueType(value: TileValue): 'String' | 'Number' | 'Boolean' {
  return typeof value === 'string' ? 'String' : typeof value === 'number' ? 'Number' : 'Boolean';
}
