import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { stationsAlong } from '../../../src/geo/route/stations-along.js';
import type { Station } from '../../../src/types.js';
import type { LineString } from 'geojson';

const station = (id: string, lng: number, lat: number): Station => ({
  type: 'Feature',
  id,
  properties: { name: id },
  geometry: { type: 'Point', coordinates: [lng, lat] },
});

/** An L-shaped route: 0.01° east along 36° N, then 0.01° north. */
const route: LineString = {
  type: 'LineString',
  coordinates: [
    [117, 36],
    [117.01, 36],
    [117.01, 36.01],
  ],
};
const EAST_LEG = haversineMeters(117, 36, 117.01, 36);
const metresNorth = (m: number) => m / 111_195;

describe('stationsAlong', () => {
  it('keeps stations within the buffer, ordered along the line, with offsets and positions', () => {
    const stations = [
      station('north-leg', 117.01 + 0.001, 36.005), // ~90 m east of the north leg, halfway up
      station('start', 117.0002, 36 + metresNorth(100)),
      station('too-far', 117.002, 36 + metresNorth(700)),
      station('east-leg', 117.005, 36 - metresNorth(300)),
    ];
    const result = stationsAlong(stations, route, 500);
    expect(result.map((r) => r.station.id)).toEqual(['start', 'east-leg', 'north-leg']);
    expect(result[0].offsetMeters).toBeCloseTo(100, 0);
    expect(result[0].alongMeters).toBeCloseTo(EAST_LEG * 0.02, 0);
    expect(result[1].offsetMeters).toBeCloseTo(300, 0);
    expect(result[1].alongMeters).toBeCloseTo(EAST_LEG / 2, 0);
    expect(result[2].alongMeters).toBeCloseTo(EAST_LEG + haversineMeters(117.01, 36, 117.01, 36.005), 0);
  });

  it('orders by position along the line, not by input order or distance', () => {
    const stations = [
      station('c', 117.009, 36),
      station('a', 117.001, 36.0004),
      station('b', 117.005, 36.003),
    ];
    expect(stationsAlong(stations, route, 400).map((r) => r.station.id)).toEqual(['a', 'b', 'c']);
  });

  it('respects the buffer exactly and accepts a Feature', () => {
    const near = station('near', 117.005, 36 + metresNorth(199));
    const far = station('far', 117.005, 36 + metresNorth(201));
    const feature = { type: 'Feature' as const, properties: {}, geometry: route };
    expect(stationsAlong([near, far], feature, 200).map((r) => r.station.id)).toEqual(['near']);
    expect(stationsAlong([near, far], route).map((r) => r.station.id)).toEqual(['near', 'far']);
  });

  it('skips unusable stations and lines without throwing', () => {
    const broken = [null, { geometry: null }, station('nan', Number.NaN, 36)] as unknown as Station[];
    expect(stationsAlong(broken, route)).toEqual([]);
    expect(stationsAlong([station('a', 117, 36)], { type: 'LineString', coordinates: [] })).toEqual([]);
    expect(
      stationsAlong([station('a', 117, 36)], { type: 'LineString', coordinates: [[117, 36]] }),
    ).toHaveLength(1);
  });

  it('does not mutate its inputs', () => {
    const stations = [station('b', 117.005, 36.001), station('a', 117.001, 36.001)];
    const copy = structuredClone(stations);
    const line = structuredClone(route);
    stationsAlong(stations, line);
    expect(stations).toEqual(copy);
    expect(line).toEqual(route);
  });

  it('handles 100 000 stations along a long route quickly', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1664525 + 1013904223) % 2 ** 32) / 2 ** 32;
    const stations = Array.from({ length: 100_000 }, (_, i) =>
      station(`s${i}`, 116 + random() * 2, 35 + random() * 2),
    );
    const long: LineString = {
      type: 'LineString',
      coordinates: Array.from({ length: 2000 }, (_, i) => [
        116 + i * 0.001,
        35 + i * 0.001 + Math.sin(i / 50) * 0.01,
      ]),
    };
    const started = performance.now();
    const result = stationsAlong(stations, long, 500);
    const ms = performance.now() - started;
    console.info(
      `stationsAlong: 100k stations, 2000-vertex line: ${ms.toFixed(0)} ms, ${result.length} found`,
    );
    expect(result.length).toBeGreaterThan(100);
    for (let i = 1; i < result.length; i++)
      expect(result[i].alongMeters).toBeGreaterThanOrEqual(result[i - 1].alongMeters);
    expect(result.every((r) => r.offsetMeters <= 500)).toBe(true);
  });
});
