/**
 * Conversions between the coordinate systems Chinese map data comes in.
 *
 * Written out rather than imported from gcoord: these three transforms are
 * under 1 KB, while gcoord as bundled (its transform table, GeoJSON walker and
 * EPSG/BD-09MC code) adds about 4 KB gzip to the script-tag bundle, which has a
 * tight budget. The formulas and constants are gcoord's (the published GCJ-02
 * obfuscation and Baidu's BD-09 offset), so results are the same to the last
 * bit; tests/unit/geo/crs.test.ts checks a published reference point and the
 * round trip. GCJ-02 → WGS-84 is the iterative inverse (error well under 1 m),
 * not the one-step approximation. Outside China GCJ-02 and WGS-84 are the same.
 * After gcoord by hujiulong (MIT licence, Copyright (c) 2018 Jiulong Hu).
 */
import type { Crs, LngLat } from '../../types.js';

// Krasovsky 1940 ellipsoid, as the GCJ-02 algorithm uses it.
const A = 6378245;
const EE = 0.006693421622965823;
const PI = Math.PI;
const BAIDU_FACTOR = (PI * 3000) / 180;
// The inverse converges in a handful of steps; the cap only guards the edge of the China box,
// where the forward transform jumps.
const MAX_ITERATIONS = 30;

/** True when `value` names a supported coordinate system. */
export function isCrs(value: unknown): value is Crs {
  return value === 'wgs84' || value === 'gcj02' || value === 'bd09';
}

// Spellings pages and data sheets use, folded to lower case without spaces, '-', '_' or '.'.
// CGCS2000 (天地图, national surveying) is within centimetres of WGS-84, which web maps treat as the
// same datum (/work/shared/reference/china-maps.md, "CGCS2000 … treat as WGS-84"); EPSG:4490 is
// its code. EPSG:4326 is WGS-84's.
const CRS_SPELLINGS: Readonly<Record<string, Crs>> = {
  wgs84: 'wgs84',
  epsg4326: 'wgs84',
  cgcs2000: 'wgs84',
  epsg4490: 'wgs84',
  gcj02: 'gcj02',
  gcj: 'gcj02',
  bd09: 'bd09',
  bd09ll: 'bd09',
};

/**
 * Reads a coordinate-system name as pages write it: `WGS84`, `wgs-84`, `EPSG:4326`, `CGCS2000`,
 * `GCJ-02`, `gcj02`, `BD-09`, `bd09ll` (any case). `null` for anything else, so a caller can
 * report it and keep one datum everywhere instead of reading data one way and positions another.
 *
 * @example parseCrs('GCJ-02') // 'gcj02'
 */
export function parseCrs(value: unknown): Crs | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const key = value.toLowerCase().replace(/[\s\-_.:]/g, '');
  return Object.prototype.hasOwnProperty.call(CRS_SPELLINGS, key) ? CRS_SPELLINGS[key]! : null;
}

/** The datum `crs` names, WGS-84 when it names none: the one reading every converter shares. */
function datumOf(crs: unknown): Crs {
  return isCrs(crs) ? crs : (parseCrs(crs) ?? 'wgs84');
}

/**
 * Converts a position given in `crs` to WGS-84 (any spelling {@link parseCrs} reads; a name it
 * does not read is WGS-84, as `parseStations` reads it). Never throws: a position with
 * a NaN or infinite number is returned unchanged (as a copy), whatever `crs`.
 *
 * @example toWgs84([117.1, 36.2], 'gcj02') // → about [117.0946, 36.1989]
 */
export function toWgs84(position: LngLat, crs: Crs): LngLat {
  const p: LngLat = [position[0], position[1]];
  crs = datumOf(crs);
  if (crs === 'wgs84' || !isFinitePair(p)) return p;
  return gcjToWgs(crs === 'bd09' ? bdToGcj(p) : p);
}

/**
 * Converts a WGS-84 position to `crs`. Never throws: a position with a NaN or
 * infinite number is returned unchanged (as a copy), whatever `crs`.
 *
 * @example fromWgs84([117.0946, 36.1989], 'gcj02')
 */
export function fromWgs84(position: LngLat, crs: Crs): LngLat {
  const p: LngLat = [position[0], position[1]];
  crs = datumOf(crs);
  if (crs === 'wgs84' || !isFinitePair(p)) return p;
  const gcj = wgsToGcj(p);
  return crs === 'bd09' ? gcjToBd(gcj) : gcj;
}

function isFinitePair(position: LngLat): boolean {
  return Number.isFinite(position[0]) && Number.isFinite(position[1]);
}

/** Roughly China: GCJ-02 leaves everything outside this box as WGS-84. */
function isInChinaBox(lng: number, lat: number): boolean {
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function wgsToGcj([lng, lat]: LngLat): LngLat {
  if (!isInChinaBox(lng, lat)) return [lng, lat];
  const x = lng - 105;
  const y = lat - 35;
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  dLng += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  dLng += ((20 * Math.sin(x * PI) + 40 * Math.sin((x / 3) * PI)) * 2) / 3;
  dLng += ((150 * Math.sin((x / 12) * PI) + 300 * Math.sin((x / 30) * PI)) * 2) / 3;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  dLat += ((20 * Math.sin(6 * x * PI) + 20 * Math.sin(2 * x * PI)) * 2) / 3;
  dLat += ((20 * Math.sin(y * PI) + 40 * Math.sin((y / 3) * PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * PI) + 320 * Math.sin((y * PI) / 30)) * 2) / 3;
  const radLat = (lat / 180) * PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - EE * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  return [
    lng + (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * PI),
    lat + (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * PI),
  ];
}

/** Inverse of {@link wgsToGcj} by fixed-point iteration to 1e-6° (about 0.1 m). */
function gcjToWgs([lng, lat]: LngLat): LngLat {
  if (!isInChinaBox(lng, lat)) return [lng, lat];
  let wLng = lng;
  let wLat = lat;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const [gLng, gLat] = wgsToGcj([wLng, wLat]);
    const dx = gLng - lng;
    const dy = gLat - lat;
    if (Math.abs(dx) <= 1e-6 && Math.abs(dy) <= 1e-6) break;
    wLng -= dx;
    wLat -= dy;
  }
  return [wLng, wLat];
}

function bdToGcj([lng, lat]: LngLat): LngLat {
  const x = lng - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BAIDU_FACTOR);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BAIDU_FACTOR);
  return [z * Math.cos(theta), z * Math.sin(theta)];
}

function gcjToBd([lng, lat]: LngLat): LngLat {
  const z = Math.sqrt(lng * lng + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_FACTOR);
  const theta = Math.atan2(lat, lng) + 0.000003 * Math.cos(lng * BAIDU_FACTOR);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}
