import { describe, expect, it } from 'vitest';
import { resolveBasemap } from '../../../src/map/basemaps.js';
import { tileUrl } from '../../../src/map/tile-url.js';

describe('tileUrl', () => {
  it('fills z, x and y', () => {
    expect(tileUrl('https://tile.openstreetmap.org/{z}/{x}/{y}.png', 26, 13, 5)).toBe('https://tile.openstreetmap.org/5/26/13.png');
  });

  it('wraps columns past either edge of the world into it (a view across the antimeridian)', () => {
    expect(tileUrl('{z}/{x}/{y}', -1, 2, 3)).toBe('3/7/2');
    expect(tileUrl('{z}/{x}/{y}', 8, 2, 3)).toBe('3/0/2');
    expect(tileUrl('{z}/{x}/{y}', 8 * 5 + 3, 2, 3)).toBe('3/3/2');
    expect(tileUrl('{z}/{x}/{y}', 0, 0, 0)).toBe('0/0/0');
  });

  it('spreads {s} over the subdomains by tile, the same host for the same tile', () => {
    const hosts = new Set<string>();
    for (let x = 0; x < 8; x++) hosts.add(tileUrl('t{s}', x, 3, 3, '01234567'));
    expect(hosts.size).toBe(8);
    expect(tileUrl('https://{s}.example/{z}/{x}/{y}', 5, 9, 4)).toBe(tileUrl('https://{s}.example/{z}/{x}/{y}', 5 - 16, 9, 4));
    expect(tileUrl('{s}', 0, 0, 1)).toBe('a');
  });

  it('counts {-y} rows from the south (TMS) and leaves {r} empty', () => {
    expect(tileUrl('{z}/{x}/{-y}{r}.png', 1, 0, 2)).toBe('2/1/3.png');
  });

  it('leaves an unknown placeholder as written, so the tile fails and the map says so', () => {
    expect(tileUrl('https://a.example/{z}/{x}/{y}.png?key={key}', 1, 1, 1)).toBe('https://a.example/1/1/1.png?key={key}');
  });

  it('fills the built-in basemaps: Tianditu rows, columns and hosts', () => {
    const url = tileUrl(resolveBasemap('tianditu', { key: 'k' }).layers[0]!.url, 3371, 1553, 12, '01234567');
    expect(url).toMatch(/^https:\/\/t\d\.tianditu\.gov\.cn\/vec_w\/wmts\?/);
    expect(url).toContain('TILEMATRIX=12&TILEROW=1553&TILECOL=3371');
  });
});
