import { describe, expect, it } from 'vitest';
import { resolveBasemap } from '../../../src/map/basemaps.js';

describe('resolveBasemap', () => {
  it('defaults to OpenStreetMap with its attribution', () => {
    for (const value of [undefined, '', 'osm', 'OSM']) {
      const spec = resolveBasemap(value);
      expect(spec.layers).toHaveLength(1);
      expect(spec.layers[0]!.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
      expect(spec.layers[0]!.attribution).toContain('OpenStreetMap');
      expect(spec.displayCrs).toBe('wgs84');
    }
  });

  it('天地图 needs a key; with one it has vector and Chinese (or English) label layers with tk', () => {
    expect(resolveBasemap('tianditu')).toEqual({ displayCrs: 'wgs84', layers: [], problem: 'missing-key' });
    const spec = resolveBasemap('tianditu', { key: 'k&1' });
    expect(spec.layers.map((l) => new URL(l.url.replace('{s}', '0')).searchParams.get('LAYER'))).toEqual(['vec', 'cva']);
    expect(spec.layers.every((l) => l.url.includes('tk=k%261') && l.subdomains === '01234567')).toBe(true);
    expect(spec.layers[0]!.attribution).toContain('天地图');
    expect(resolveBasemap('tianditu', { key: 'k', lang: 'en' }).layers[1]!.url).toContain('LAYER=eva');
  });

  it('Amap tiles are GCJ-02, so markers are shifted onto them', () => {
    const spec = resolveBasemap('amap');
    expect(spec.displayCrs).toBe('gcj02');
    expect(spec.layers[0]!.url).toContain('autonavi.com');
  });

  it('none has no tiles; a template must be an absolute http(s) URL with {z}, {x} and {y}', () => {
    expect(resolveBasemap('none').layers).toEqual([]);
    expect(resolveBasemap('https://tiles.example.org/{z}/{x}/{y}.png').layers[0]!.attribution).toBe('tiles.example.org');
    for (const bad of ['/tiles/{z}/{x}/{y}.png', 'javascript:alert(1)//{z}{x}{y}', 'https://tiles.example.org/{z}.png', 'nonsense']) {
      expect(resolveBasemap(bad).problem).toBe('bad-template');
    }
  });
});
