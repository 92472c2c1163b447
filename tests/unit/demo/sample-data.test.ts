import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString, Point } from 'geojson';
import type { KnownService, KnownStationType, StationProperties } from '../../../src/types.js';

const ROOT = resolve(__dirname, '../../..');
const DATA = join(ROOT, 'demo/data');
const SCRIPT = join(ROOT, 'demo/scripts/generate-sample.mjs');
const FILES = ['stations.geojson', 'taishan-trail.geojson', 'naihe-river.geojson', 'stations-with-errors.geojson'];

// Kept here rather than imported so the test fails if the generator drifts from the spec's lists.
const TYPES: KnownStationType[] = ['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room'];
const SERVICES: KnownService[] = [
  'water', 'hot-water', 'meals', 'microwave', 'toilet', 'rest', 'charging', 'first-aid',
  'air-conditioning', 'heating', 'wifi', 'books', 'health-check', 'counseling', 'legal-aid',
  'nursing', 'repair', 'umbrella', 'parking', 'battery-swap', 'haircut', 'donations', 'medicine',
];
const TRAIL_LANDMARKS = ['岱庙', '岱宗坊', '红门', '万仙楼', '斗母宫', '经石峪', '壶天阁', '中天门', '五松亭', '升仙坊', '南天门', '天街', '玉皇顶'];

type StationCollection = FeatureCollection<Point, StationProperties> & { name?: string; description?: string };
type Network = FeatureCollection<LineString> & { description?: string };

const readJson = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const stations = readJson<StationCollection>(DATA, 'stations.geojson');
const network = readJson<Network>(DATA, 'taishan-trail.geojson');

/** Metres from p to segment ab on a local flat projection (exact enough over a few km). */
function distanceToSegment(p: number[], a: number[], b: number[]): number {
  const kx = 111320 * Math.cos((p[1] * Math.PI) / 180);
  const ky = 111320;
  const [ax, ay, bx, by] = [(a[0] - p[0]) * kx, (a[1] - p[1]) * ky, (b[0] - p[0]) * kx, (b[1] - p[1]) * ky];
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

function distanceToNetwork(p: number[], lines: LineString[]): number {
  let best = Infinity;
  for (const { coordinates: c } of lines) {
    for (let i = 1; i < c.length; i++) best = Math.min(best, distanceToSegment(p, c[i - 1], c[i]));
  }
  return best;
}

/** Union-find over exact vertex strings: two lines join only where they share a vertex. */
function connectComponents(lines: LineString[]): (p: number[]) => string {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const { coordinates } of lines) {
    const keys = coordinates.map((c) => c.join(','));
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (let i = 1; i < keys.length; i++) parent.set(find(keys[i]), find(keys[0]));
  }
  return (p) => (parent.has(p.join(',')) ? find(p.join(',')) : `missing ${p.join(',')}`);
}

describe('sample stations', () => {
  const props = stations.features.map((f) => f.properties);

  it('has about 400 stations with unique TA- ids', () => {
    expect(stations.features.length).toBeGreaterThanOrEqual(380);
    expect(stations.features.length).toBeLessThanOrEqual(420);
    const ids = props.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^TA-\d{4}$/);
  });

  it('says plainly, in Chinese and English, that it is sample data', () => {
    expect(stations.name).toContain('示例数据');
    expect(stations.description).toMatch(/示例数据/);
    expect(stations.description).toMatch(/SAMPLE data, not real stations/);
    expect(props.every((p) => p.sample === true)).toBe(true);
  });

  it('covers every station type, every service, and one unknown of each', () => {
    const types = new Set(props.map((p) => p.type));
    const services = new Set(props.flatMap((p) => p.services ?? []));
    for (const t of TYPES) expect(types, t).toContain(t);
    for (const s of SERVICES) expect(services, s).toContain(s);
    expect([...types].filter((t) => !TYPES.includes(t as KnownStationType))).toHaveLength(1);
    expect([...services].filter((s) => !SERVICES.includes(s as KnownService))).toHaveLength(1);
  });

  it('gives every station the fields the detail panel shows', () => {
    for (const p of props) {
      expect(p.name).toBeTruthy();
      expect(p.phone).toMatch(/^(0538-\d{7}|1\d{10})$/);
      expect(p.services!.length).toBeGreaterThanOrEqual(3);
      expect(p.services!.length).toBeLessThanOrEqual(10);
      expect(p.rating_url).toBe(`https://example.org/rate/${String(p.id)}`);
      if (p.website) expect(p.website).toMatch(/^https:\/\/example\.org\//);
    }
    const share = (test: (p: StationProperties) => boolean) => props.filter(test).length / props.length;
    expect(share((p) => /^(24\/7|24小时|全天24小时开放)$/.test(p.hours ?? ''))).toBeGreaterThan(0.25);
    expect(share((p) => /^(24\/7|24小时|全天24小时开放)$/.test(p.hours ?? ''))).toBeLessThan(0.4);
    expect(share((p) => Boolean(p['name:en']))).toBeGreaterThan(0.2);
    expect(share((p) => Boolean(p.honors))).toBeGreaterThan(0.05);
  });

  it('keeps every station inside Tai\'an, with 6-decimal WGS-84 coordinates', () => {
    for (const f of stations.features) {
      const [lng, lat] = f.geometry.coordinates;
      expect(lng).toBeGreaterThan(116.1);
      expect(lng).toBeLessThan(118.1);
      expect(lat).toBeGreaterThan(35.6);
      expect(lat).toBeLessThan(36.45);
      expect(String(lng).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(6);
    }
    const downtown = stations.features.filter(({ geometry: { coordinates: [lng, lat] } }) => lng > 117.04 && lng < 117.2 && lat > 36.15 && lat < 36.26);
    expect(downtown.length).toBeGreaterThan(stations.features.length / 3);
  });

  it('puts the 13 Mount Tai stations within 150 m of the climbing route', () => {
    const trail = network.features.filter((f) => f.properties?.route === 'hiking').map((f) => f.geometry);
    for (const landmark of TRAIL_LANDMARKS) {
      const station = stations.features.find((f) => f.properties.landmark === landmark);
      expect(station, landmark).toBeDefined();
      expect(distanceToNetwork(station!.geometry.coordinates, trail), landmark).toBeLessThan(150);
    }
  });
});

describe('sample path network', () => {
  const lines = network.features.map((f) => f.geometry);
  const componentOf = connectComponents(lines);

  it('is labelled sample data and uses only the highway kinds the router knows', () => {
    expect(network.description).toMatch(/sample data/i);
    for (const f of network.features) {
      expect(f.geometry.type).toBe('LineString');
      expect(f.properties?.name).toBeTruthy();
      expect(['footway', 'path', 'steps', 'residential', 'primary']).toContain(f.properties?.highway);
    }
  });

  it('joins the summit to 岱庙, the bus road and downtown through shared vertices', () => {
    const trail = network.features.filter((f) => f.properties?.route === 'hiking');
    const start = trail[0].geometry.coordinates[0];
    const last = trail[trail.length - 1].geometry.coordinates;
    const summit = last[last.length - 1];
    expect(start).toEqual([117.1268, 36.1937]);
    expect(summit).toEqual([117.1006, 36.2567]);
    expect(componentOf(summit)).toBe(componentOf(start));
    // The far corners of the grid, on both banks of the river, are in the same graph.
    expect(componentOf([117.06, 36.171])).toBe(componentOf(start));
    expect(componentOf([117.16, 36.201])).toBe(componentOf(start));
    const bus = network.features.find((f) => f.properties?.name?.includes('天外村'))!;
    expect(componentOf(bus.geometry.coordinates[0])).toBe(componentOf(summit));
  });

  it('crosses the 奈河 only on two bridges', () => {
    const river = readJson<Network>(DATA, 'naihe-river.geojson');
    const riverLng = river.features[0].geometry.coordinates.map((c) => c[0]);
    const [west, east] = [Math.min(...riverLng), Math.max(...riverLng)];
    const crossing = network.features.filter((f) => {
      const c = f.geometry.coordinates;
      return c.some((p) => p[0] < west) && c.some((p) => p[0] > east) && c.some((p) => p[1] < 36.205);
    });
    expect(crossing.map((f) => f.properties?.bridge)).toEqual(['yes', 'yes']);
  });
});

describe('broken sample for error reporting', () => {
  it('has about 20 good stations and the broken cases the demo explains', () => {
    const fc = readJson<{ description: string; features: Array<Record<string, unknown>> }>(DATA, 'stations-with-errors.geojson');
    expect(fc.description).toMatch(/SAMPLE data/);
    const notes = fc.features.map((f) => {
      const note = (f.properties as { note?: unknown } | undefined)?.note ?? f.note;
      return typeof note === 'string' ? note : '';
    });
    expect(notes.filter((n) => n === '')).toHaveLength(20);
    for (const fragment of ['no geometry', 'LineString', 'out of range', 'string', 'no name', 'duplicate id']) {
      expect(notes.some((n) => n.includes(fragment)), fragment).toBe(true);
    }
    expect(JSON.stringify(fc)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('generator', () => {
  let dirs: string[] = [];
  beforeAll(() => {
    dirs = [0, 1].map((i) => mkdtempSync(join(tmpdir(), `station-sample-${i}-`)));
    for (const dir of dirs) execFileSync(process.execPath, [SCRIPT, dir], { stdio: 'pipe' });
  });
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('writes byte-identical files on every run, matching the committed ones', () => {
    for (const file of FILES) {
      const [a, b] = dirs.map((dir) => readFileSync(join(dir, file), 'utf8'));
      expect(a, file).toBe(b);
      expect(readFileSync(join(DATA, file), 'utf8'), `${file} is stale: run npm run sample`).toBe(a);
    }
  });
});
