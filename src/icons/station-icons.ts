/**
 * Hand-drawn glyphs for station types and services, and the map pin built from them.
 *
 * Everything here is a constant string: station data only ever *selects* a glyph through
 * a fixed table, it never reaches the markup, so callers may pass the result to Leaflet's
 * `divIcon({ html })` or Lit's `unsafeSVG` without escaping. Glyphs are drawn in-house
 * because an icon font or set would cost more than the whole widget's budget and load
 * from a CDN, which embedding pages forbid.
 *
 * Each glyph is one `d` string on a 24×24 grid, filled, drawn for `fill-rule="evenodd"`
 * (cut-outs are sub-paths inside the shape). Each segment is written in its shortest exact form
 * (relative or absolute, `h`/`v` for straight runs, a repeated command letter left out).
 */
import type { KnownService, KnownStationType } from '../types.js';

/** A station type that has its own glyph and colour, or `other` for any other string. */
export type StationTypeKey = KnownStationType | 'other';

/**
 * Pin colour per station type. Each one keeps white text and glyphs at a contrast ratio
 * of at least 4.5:1, and the hues follow the Okabe–Ito colour-blind-safe palette,
 * darkened; the glyph shape carries the type too, so colour is never the only cue.
 *
 * @example
 * TYPE_COLORS['driver-home'] // '#00775A'
 */
export const TYPE_COLORS: Readonly<Record<StationTypeKey, string>> = Object.freeze({
  'union-station': '#C8102E',
  'outdoor-worker-station': '#B45309',
  'service-center': '#005FA3',
  'mommy-room': '#9C2F7A',
  'driver-home': '#00775A',
  'reading-room': '#4B3B9A',
  other: '#4B5563',
});

/** A full circle as path data: two half arcs from its leftmost point `(x, y)`. */
const circle = (x: number, y: number, r: number): string => `M${x} ${y}a${r} ${r} 0 1 0 ${2 * r} 0 ${r} ${r} 0 1 0-${2 * r} 0Z`;

const HOUSE = 'M12 2.5l-10.5 9h3V21h15v-9.5h3Z';

const TYPE_GLYPHS: Readonly<Record<StationTypeKey, string>> = {
  // A house with a heart: the 工会驿站 "warm home" emblem.
  'union-station': `${HOUSE}M12 18.6 8.3 15a2.35 2.35 0 0 1 3.7-2.9 2.35 2.35 0 0 1 3.7 2.9Z`,
  // A house with a safety helmet.
  'outdoor-worker-station': `${HOUSE}M6.8 18.8v-1.6H8a4 4 0 0 1 8 0h1.2v1.6ZM11.3 13.4h1.4v3.8h-1.4Z`,
  'service-center':
    'M4 21V3h16v18h-6v-4h-4v4ZM7 6h3v2.5H7ZM14 6h3v2.5h-3ZM7 11h3v2.5H7ZM14 11h3v2.5h-3Z',
  // Mother and child.
  'mommy-room':
    `${circle(6.4, 5, 2.6)}M4.5 21v-7.5a4.5 4.5 0 0 1 9 0V21Z${circle(15.2, 10.8, 2)}M14.6 21v-4.8a2.6 2.6 0 0 1 5.2 0V21Z`,
  'driver-home':
    `M1.5 5h13v10.5h-13ZM15.5 8.5h3.8l3.2 4v3h-7ZM16.8 9.8h2l2 2.6h-4Z${circle(3.8, 18, 2.2)}${circle(5.1, 18, 0.9)}${circle(15.8, 18, 2.2)}${circle(17.1, 18, 0.9)}`,
  // An open book.
  'reading-room':
    'M12 6.2C9.6 4.6 6.2 4 2 4.5V19c4.2-.5 7.6 0 10 1.6 2.4-1.6 5.8-2.1 10-1.6V4.5c-4.2-.5-7.6.1-10 1.7ZM11.3 7.5h1.4v11.2h-1.4Z',
  other: circle(7, 12, 5),
};

// A snowflake: one arm (a stem and two twigs) turned six times about the centre, around a dot.
// Drawn here rather than written out, which costs the script-tag bundle 80 bytes more gzip. Turns
// use exact sines (±0.5, ±√3/2), so every browser rounds to the same string.
const SNOWFLAKE_ARM = [
  [11.15, 9.1, 11.15, 2, 12.85, 2, 12.85, 9.1],
  [10.7, 5.8, 8.5, 3.4, 7.6, 4.4, 10, 7],
  [13.3, 5.8, 15.5, 3.4, 16.4, 4.4, 14, 7],
];
const SIN_60 = Math.sqrt(3) / 2;
const SNOWFLAKE = [
  [1, 0],
  [0.5, SIN_60],
  [-0.5, SIN_60],
  [-1, 0],
  [-0.5, -SIN_60],
  [0.5, -SIN_60],
].reduce(
  (d, [cos, sin]) =>
    d +
    SNOWFLAKE_ARM.map((arm) => {
      const points: string[] = [];
      for (let i = 0; i < arm.length; i += 2) {
        const [x, y] = [arm[i]! - 12, arm[i + 1]! - 12];
        points.push(`${roundTo100th(12 + x * cos! - y * sin!)} ${roundTo100th(12 + x * sin! + y * cos!)}`);
      }
      return `M${points.join('L')}Z`;
    }).join(''),
  circle(10, 12, 2),
);

function roundTo100th(value: number): number {
  return Math.round(value * 100) / 100;
}

const SERVICE_GLYPHS: Readonly<Record<KnownService, string>> = {
  water: 'M12 2.5c-2.5 3.7-6.5 8.1-6.5 12.1a6.5 6.5 0 0 0 13 0c0-4-4-8.4-6.5-12.1Z',
  'hot-water':
    'M4.5 10h12v5.5A4.5 4.5 0 0 1 12 20H9a4.5 4.5 0 0 1-4.5-4.5ZM16.5 11h1.6a2.4 2.4 0 0 1 0 4.8h-1.6v-1.5h1.6a.9.9 0 0 0 0-1.8h-1.6ZM7.6 3h1.5v5H7.6ZM11 2h1.5v6H11ZM14.4 3h1.5v5h-1.5Z',
  // A bowl with chopsticks.
  meals:
    'M2.5 11h19a9.5 8.5 0 0 1-19 0ZM8.5 20.2h7v1.6h-7ZM13.6 9.6l6-7.4 1.2 1-5.2 6.4ZM10.8 9.6 16 1.8l1.2.8-4.4 7Z',
  microwave:
    `M2 5h20v14H2ZM4 7h11.5v10H4Z${circle(17.7, 9.5, 1.1)}${circle(17.7, 13.5, 1.1)}`,
  // Man | woman, the sign on every public toilet.
  toilet:
    `${circle(4.4, 4.2, 2.1)}M4 7.6h5v7.2H8V21H5v-6.2H4Z${circle(15.4, 4.2, 2.1)}M16 7.6h3l2.6 8.2h-2.3V21h-3.6v-5.2h-2.3ZM11.3 2.5h1.4v19h-1.4Z`,
  // A bed.
  rest: `M2 6h2.2v7H22v7h-2.2v-2.3H4.2V20H2Z${circle(5.4, 10.3, 2.2)}M10.6 8.3h8.6a2.8 2.8 0 0 1 2.8 2.8v.9H10.6Z`,
  // A plug with a lightning bolt.
  charging:
    'M8.2 2h2v5h-2ZM13.8 2h2v5h-2ZM6 7h12v3.5a6 6 0 0 1-5 5.9V22h-2v-5.6a6 6 0 0 1-5-5.9ZM12.6 8.6 10 12.2h1.8l-.6 2.8 2.6-3.6H12Z',
  'first-aid':
    'M2.5 6.5h19V20h-19ZM8.5 3.5h7v3h-1.6V5h-3.8v1.5H8.5ZM10.6 8.8h2.8v2.8h2.8v2.8h-2.8v2.8h-2.8v-2.8H7.8v-2.8h2.8Z',
  'air-conditioning': SNOWFLAKE,
  // A flame.
  heating:
    'M12.5 2c.6 3.7 6 6.2 6 12.2a6.5 6.5 0 0 1-13 0c0-3.1 1.7-5.1 3.2-6.6.1 2.2.9 3.5 2.2 3.9-.5-2.9 0-6.5 1.6-9.5ZM12 20.2a2.6 2.6 0 0 1-2.6-2.6c0-1.7 1.4-2.6 2.6-4.2 1.2 1.6 2.6 2.5 2.6 4.2a2.6 2.6 0 0 1-2.6 2.6Z',
  wifi: `${circle(10.1, 19, 1.9)}M7.47 14.47a6.4 6.4 0 0 1 9.06 0l-1.42 1.42a4.4 4.4 0 0 0-6.22 0ZM4.5 11.5a10.6 10.6 0 0 1 15 0l-1.42 1.42a8.6 8.6 0 0 0-12.16 0ZM1.53 8.53a14.8 14.8 0 0 1 20.94 0l-1.42 1.42a12.8 12.8 0 0 0-18.1 0Z`,
  // A closed book with its pages showing.
  books:
    'M5 4.5A2.5 2.5 0 0 1 7.5 2H19v15.5H7.5a1.25 1.25 0 0 0 0 2.5H19v2H7.5A2.5 2.5 0 0 1 5 19.5ZM9.5 5.5H16v1.6H9.5Z',
  // A heart with a pulse line.
  'health-check':
    'M12 21l-8.4-8.4A4.9 4.9 0 0 1 12 5.7a4.9 4.9 0 0 1 8.4 6.9ZM5.2 11.6h2.9l1.8-3.3 2.3 5.4 1.9-4.2 1.1 1.5h3.6v1.5h-4.4l-.2-.3-2 4.5-2.4-5.6-.8 1.5H5.2Z',
  // A speech bubble.
  counseling:
    `M4 3.5h16a2 2 0 0 1 2 2V15a2 2 0 0 1-2 2h-9l-5 4.5V17H4a2 2 0 0 1-2-2V5.5a2 2 0 0 1 2-2Z${circle(6.1, 10.2, 1.4)}${circle(10.6, 10.2, 1.4)}${circle(15.1, 10.2, 1.4)}`,
  // Scales of justice.
  'legal-aid':
    `${circle(10.4, 3.6, 1.6)}M3 6h18v1.5H3ZM11.25 7.5h1.5V19h-1.5ZM7 19h10v2H7ZM5.5 7.5l-3 6.5h1.1l1.9-4.2L7.4 14h1.1ZM2 14.4h7a3.5 3.5 0 0 1-7 0ZM18.5 7.5l-3 6.5h1.1l1.9-4.2 1.9 4.2h1.1ZM15 14.4h7a3.5 3.5 0 0 1-7 0Z`,
  // A baby bottle.
  nursing:
    'M10.6 2h2.8l.6 3h-4ZM8.3 5.6h7.4v2.2H8.3ZM8.5 8.4h7v11a2.6 2.6 0 0 1-2.6 2.6h-1.8a2.6 2.6 0 0 1-2.6-2.6ZM10 11h2.5v1.2H10ZM10 14h2.5v1.2H10ZM10 17h2.5v1.2H10Z',
  // A wrench.
  repair:
    `M10.47 7.92l8.03 8.04a1.8 1.8 0 0 1-2.54 2.54l-8.04-8.03a4.6 4.6 0 0 1-5.9-6.19l2.62 2.63 2.27-2.27-2.63-2.62a4.6 4.6 0 0 1 6.19 5.9Z${circle(16.39, 17.09, 0.7)}`,
  umbrella:
    'M2.5 12.5a9.5 9.5 0 0 1 19 0ZM11.25 13.3h1.5V19a1.2 1.2 0 0 0 2.4 0v-.6h1.5v.6a2.7 2.7 0 0 1-5.4 0ZM11.35 1.5h1.3V3h-1.3Z',
  // A "P" sign.
  parking:
    'M5 2h14a3 3 0 0 1 3 3v14a3 3 0 0 1-3 3H5a3 3 0 0 1-3-3V5a3 3 0 0 1 3-3ZM8 6h5.2a4.1 4.1 0 0 1 0 8.2h-2.5V18H8ZM10.7 8.4v3.4h2.4a1.7 1.7 0 0 0 0-3.4Z',
  // A battery between two swap arrows (电瓶车换电).
  'battery-swap':
    'M2.98 8.72A9.6 9.6 0 0 1 20.31 7.2l-1.73 1A7.6 7.6 0 0 0 4.86 9.4ZM22.22 6.1l-1.95 3.53-3.59-.33ZM21.02 15.28A9.6 9.6 0 0 1 3.69 16.8l1.73-1a7.6 7.6 0 0 0 13.72-1.2ZM1.78 17.9l1.95-3.53 3.59.33ZM8.5 9.5h6v5h-6ZM14.5 11h1v2h-1ZM9.7 10.7h1.6v2.6H9.7Z',
  // Scissors.
  haircut:
    `${circle(3.5, 18.5, 3.5)}${circle(5.2, 18.5, 1.8)}${circle(13.5, 18.5, 3.5)}${circle(15.2, 18.5, 1.8)}M8.4 15.2l1.8.7 8.1-13.5-1.7-.4ZM15.6 15.2l-1.8.7L5.7 2.4 7.4 2Z`,
  // A hand holding a heart (爱心互献).
  donations:
    'M12 12.6 8.3 9A2.33 2.33 0 0 1 12 6.2 2.33 2.33 0 0 1 15.7 9ZM2 14.5h3.2l4.6 2.1h4.4a1.4 1.4 0 0 1 0 2.8H9.6v.9h4.8l6-3.2a1.5 1.5 0 0 1 1.7 2.4L14.8 22H2Z',
  // A capsule pill.
  medicine:
    'M5.07 13.27l8.2-8.2a4 4 0 0 1 5.66 5.66l-8.2 8.2a4 4 0 0 1-5.66-5.66ZM10.87 9.74 14.4 6.2a2.4 2.4 0 0 1 3.4 3.4l-3.54 3.53Z',
};

// Object.hasOwn is missing on the older Android WebViews many workers' phones still run,
// and a plain `table[key]` would let "constructor" or "__proto__" from data reach markup.
const hasOwn = (table: object, key: string): boolean => Object.prototype.hasOwnProperty.call(table, key);

/**
 * The table key for a station's `type`: the type itself when the spec names it, else `other`.
 *
 * @example
 * toTypeKey('mommy-room') // 'mommy-room'
 * toTypeKey('retiree-club') // 'other'
 */
export function toTypeKey(type: string | undefined): StationTypeKey {
  return typeof type === 'string' && hasOwn(TYPE_GLYPHS, type) ? (type as StationTypeKey) : 'other';
}

/**
 * Path data (24×24, evenodd) of a station type's glyph; unknown types get the `other` dot.
 *
 * @example
 * html`<svg viewBox="0 0 24 24"><path fill-rule="evenodd" d=${typeGlyph(station.properties.type)} /></svg>`
 */
export function typeGlyph(type: string | undefined): string {
  return TYPE_GLYPHS[toTypeKey(type)];
}

/**
 * Path data (24×24, evenodd) of a service's glyph, or `undefined` for a service the spec does
 * not name (the UI then shows the service string as text).
 *
 * @example
 * serviceGlyph('hot-water') // 'M4.5 10h12…'
 * serviceGlyph('sewing') // undefined
 */
export function serviceGlyph(service: string): string | undefined {
  return typeof service === 'string' && hasOwn(SERVICE_GLYPHS, service)
    ? SERVICE_GLYPHS[service as KnownService]
    : undefined;
}

/** Pixel size and tip position of the pins `markerSvg` draws, for Leaflet's `iconSize`/`iconAnchor`. */
export const MARKER_METRICS = Object.freeze({
  normal: Object.freeze({ width: 32, height: 40, anchorX: 16, anchorY: 38 }),
  selected: Object.freeze({ width: 40, height: 50, anchorX: 20, anchorY: 44 }),
});

// Teardrop: a circle of radius 13 around (16, 15) with tangents meeting at the tip (16, 38).
const PIN_PATH = 'M16 38L5.27 22.35A13 13 0 1 1 26.73 22.35Z';
// The glyph is shrunk to 19.2 px and centred on the circle so its corners stay inside.
const GLYPH_TRANSFORM = 'translate(6.4 5.4) scale(.8)';

/**
 * A complete map-pin SVG: a teardrop in the type's colour with the type's glyph in white.
 * The selected pin is larger, with a dark outer ring, so it stands out without relying on colour.
 * Only constants reach the string, so it is safe for `innerHTML` and `unsafeSVG`.
 *
 * @example
 * pinTemplate.innerHTML = markerSvg(station.properties.type); // 32×40, tip at (16, 38)
 */
export function markerSvg(type: string | undefined, options: { selected?: boolean } = {}): string {
  const key = toTypeKey(type);
  const selected = options.selected === true;
  const { width, height } = selected ? MARKER_METRICS.selected : MARKER_METRICS.normal;
  // The selected pin gets a margin in its viewBox for the thicker outline; the tip stays at anchorY.
  const viewBox = selected ? '-2 -1.6 36 45' : '0 0 32 40';
  const ring = selected
    ? `<path d="${PIN_PATH}" fill="none" stroke="#111827" stroke-width="5" stroke-linejoin="round"/>`
    : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}" aria-hidden="true" focusable="false">` +
    ring +
    `<path d="${PIN_PATH}" fill="${TYPE_COLORS[key]}" stroke="#fff" stroke-width="${selected ? 2 : 1.5}" stroke-linejoin="round"/>` +
    `<path d="${TYPE_GLYPHS[key]}" fill="#fff" fill-rule="evenodd" transform="${GLYPH_TRANSFORM}"/>` +
    '</svg>'
  );
}

/**
 * A small inline SVG of a glyph in `currentColor`, for lists, filters and the detail panel.
 * Returns `undefined` for an unknown service so the caller can fall back to text.
 *
 * @example
 * iconSvg(serviceGlyph('wifi'), { size: 16 })
 */
export function iconSvg(glyph: string | undefined, options: { size?: number } = {}): string | undefined {
  if (glyph === undefined || !isOwnGlyph(glyph)) return undefined;
  const size = Number.isFinite(options.size) && options.size! > 0 ? Math.round(options.size!) : 20;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">` +
    `<path d="${glyph}" fill="currentColor" fill-rule="evenodd"/></svg>`
  );
}

// Pure: the script-tag bundle, which never calls iconSvg, drops the set.
const ALL_GLYPHS = /* @__PURE__ */ new Set<string>([...Object.values(TYPE_GLYPHS), ...Object.values(SERVICE_GLYPHS)]);

// iconSvg takes a string, so it checks the string is one of ours: nothing else may reach markup.
function isOwnGlyph(glyph: string): boolean {
  return ALL_GLYPHS.has(glyph);
}
