import { describe, expect, it } from 'vitest';
import {
  MARKER_METRICS,
  TYPE_COLORS,
  iconSvg,
  markerSvg,
  serviceGlyph,
  toTypeKey,
  typeGlyph,
} from '../../../src/icons/station-icons.js';
import type { KnownService, KnownStationType } from '../../../src/types.js';

const TYPES: KnownStationType[] = ['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room'];
const SERVICES: KnownService[] = [
  'water', 'hot-water', 'meals', 'microwave', 'toilet', 'rest', 'charging', 'first-aid',
  'air-conditioning', 'heating', 'wifi', 'books', 'health-check', 'counseling', 'legal-aid',
  'nursing', 'repair', 'umbrella', 'parking', 'battery-swap', 'haircut', 'donations', 'medicine',
];
const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', '"><script>alert(1)</script>', ''];

/** WCAG 2 contrast ratio of a #RRGGBB colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** Absolute end points of every path segment, to check a glyph stays on its 24×24 grid. */
function pathEndPoints(d: string): Array<[number, number]> {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
  const points: Array<[number, number]> = [];
  let [x, y, startX, startY] = [0, 0, 0, 0];
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[a-zA-Z]/.test(tokens[i])) command = tokens[i++];
    const lower = command.toLowerCase();
    const rel = command === lower;
    if (lower === 'z') {
      [x, y] = [startX, startY];
      continue;
    }
    const args = tokens.slice(i, i + arity[lower]).map(Number);
    if (args.length < arity[lower] || args.some(Number.isNaN)) throw new Error(`bad ${command} at token ${i} of ${d}`);
    i += arity[lower];
    if (lower === 'h') x = rel ? x + args[0] : args[0];
    else if (lower === 'v') y = rel ? y + args[0] : args[0];
    else {
      const [ex, ey] = args.slice(-2);
      [x, y] = rel ? [x + ex, y + ey] : [ex, ey];
    }
    if (lower === 'm') {
      [startX, startY] = [x, y];
      command = rel ? 'l' : 'L';
    }
    points.push([x, y]);
  }
  return points;
}

/** Checks that every tag opened is closed in order, and returns the tag names seen. */
function checkWellFormed(svg: string): string[] {
  const stack: string[] = [];
  const seen: string[] = [];
  for (const [, closing, name, selfClosing] of svg.matchAll(/<(\/?)([a-zA-Z]+)(?:\s[^<>]*?)?(\/?)>/g)) {
    seen.push(name);
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^<>]*>/g, '')).toBe('');
  return seen;
}

describe('glyphs', () => {
  it('gives every known type and service its own glyph', () => {
    const typeGlyphs = TYPES.map((t) => typeGlyph(t));
    const serviceGlyphs = SERVICES.map((s) => serviceGlyph(s));
    expect(new Set(typeGlyphs).size).toBe(TYPES.length);
    expect(new Set(serviceGlyphs).size).toBe(SERVICES.length);
    expect(typeGlyphs).not.toContain(typeGlyph('other'));
  });

  it('draws every glyph as plain path data inside the 24×24 grid', () => {
    const all = [...TYPES.map((t) => typeGlyph(t)), typeGlyph(undefined), ...SERVICES.map((s) => serviceGlyph(s)!)];
    for (const d of all) {
      // Only path commands and numbers: nothing that could end an attribute or start markup.
      expect(d).toMatch(/^M[MmLlHhVvCcSsQqTtAaZz0-9.\s,-]+$/);
      const outside = pathEndPoints(d).filter(([x, y]) => x < 0 || x > 24 || y < 0 || y > 24);
      expect(outside, d).toEqual([]);
    }
  });

  it('falls back to the "other" glyph for unknown types, and to nothing for unknown services', () => {
    for (const type of [undefined, 'retiree-club', ...HOSTILE]) {
      expect(typeGlyph(type)).toBe(typeGlyph('other'));
      expect(toTypeKey(type)).toBe('other');
    }
    for (const service of ['sewing', ...HOSTILE]) expect(serviceGlyph(service)).toBeUndefined();
  });
});

describe('TYPE_COLORS', () => {
  it('keeps white glyphs readable (contrast ≥ 4.5:1) on every type colour', () => {
    for (const [type, color] of Object.entries(TYPE_COLORS)) {
      expect(color, type).toMatch(/^#[0-9A-F]{6}$/i);
      expect(contrastWithWhite(color), type).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives each type, and "other", a different colour', () => {
    expect(Object.keys(TYPE_COLORS).sort()).toEqual([...TYPES, 'other'].sort());
    expect(new Set(Object.values(TYPE_COLORS)).size).toBe(TYPES.length + 1);
  });
});

describe('markerSvg', () => {
  it('returns a well-formed, self-contained SVG with no script, handler or link', () => {
    for (const type of [...TYPES, undefined, ...HOSTILE]) {
      for (const selected of [false, true]) {
        const svg = markerSvg(type, { selected });
        expect(svg).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
        expect(checkWellFormed(svg).every((tag) => tag === 'svg' || tag === 'path')).toBe(true);
        expect(svg).not.toMatch(/<script/i);
        expect(svg).not.toMatch(/\son\w+\s*=/i);
        expect(svg).not.toMatch(/href/i);
        expect(svg).not.toMatch(/url\(/i);
      }
    }
  });

  it('paints the pin in the type colour and shows the type glyph', () => {
    const svg = markerSvg('driver-home');
    expect(svg).toContain(`fill="${TYPE_COLORS['driver-home']}"`);
    expect(svg).toContain(`d="${typeGlyph('driver-home')}"`);
  });

  it('never lets the station type string into the markup', () => {
    expect(markerSvg('"><script>alert(1)</script>')).toBe(markerSvg('retiree-club'));
    expect(markerSvg('constructor')).toBe(markerSvg(undefined));
    expect(markerSvg('__proto__')).toContain(`fill="${TYPE_COLORS.other}"`);
  });

  it('draws the selected pin larger, with a thicker outline', () => {
    const size = (svg: string) => Number(/width="(\d+)"/.exec(svg)![1]) * Number(/height="(\d+)"/.exec(svg)![1]);
    const strokes = (svg: string) => [...svg.matchAll(/stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const [normal, selected] = [markerSvg('mommy-room'), markerSvg('mommy-room', { selected: true })];
    expect(size(selected)).toBeGreaterThan(size(normal));
    expect(Math.max(...strokes(selected))).toBeGreaterThan(Math.max(...strokes(normal)));
    expect(`${MARKER_METRICS.selected.width}x${MARKER_METRICS.selected.height}`).toBe(
      /width="(\d+)" height="(\d+)"/.exec(selected)!.slice(1).join('x'),
    );
  });
});

describe('iconSvg', () => {
  it('wraps our own glyphs in currentColor and refuses any other path data', () => {
    const svg = iconSvg(serviceGlyph('wifi'), { size: 16 })!;
    expect(svg).toContain('width="16"');
    expect(svg).toContain('fill="currentColor"');
    checkWellFormed(svg);
    expect(iconSvg(serviceGlyph('sewing'))).toBeUndefined();
    expect(iconSvg('M0 0"/><script>alert(1)</script><path d="')).toBeUndefined();
  });
});
