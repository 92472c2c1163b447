/**
 * Parsers for attribute values a page writes by hand. They never throw: a value that cannot be
 * read is `null`, and the element carries on as if the attribute were missing.
 */
import type { LngLat } from '../types.js';

// A decimal number. Each digit can be matched one way only: the earlier `\d+\.?\d*` let a long
// run of digits split between two groups in n ways, so `center="111…1x"` took seconds (ReDoS).
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Reads `"lng,lat"` (also with spaces, a full-width comma or `;`), as `center` and `origin` take it.
 *
 * @example parseLngLat('117.13, 36.21') // [117.13, 36.21]
 */
export function parseLngLat(value: string | null | undefined): LngLat | null {
  if (typeof value !== 'string') return null;
  const parts = value.trim().split(/\s*[,，;；]\s*|\s+/);
  if (parts.length !== 2 || parts.some((p) => !NUMBER.test(p))) return null;
  const lng = Number(parts[0]);
  const lat = Number(parts[1]);
  if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return null;
  return [lng, lat];
}
