import { describe, expect, it } from 'vitest';
import { haversineMeters } from '../../../src/geo/sphere/haversine.js';
import { nearestStations } from '../../../src/data/nearest-stations.js';
import type { NearestResult, Station } from '../../../src/types.js';
import { createRandom } from './seeded-random.js';

const TYPES = ['union-station', 'outdoor-worker-station', 'mommy-room', 'driver-home'];

function makeStation(id: number, lng: number, lat: number, type = 'union-station', hours = '24/7'): Station {
  return {
    type: 'Feature',
    id: `S-${id}`,
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { name: `驿站 ${id}`, type, hours, services: id % 3 === 0 ? ['water', 'toilet'] : ['water'] },
  };
}

function makeStations(n: number, seed: number): Station[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, (_, i) =>
    makeStation(i, 116 + random() * 2, 39 + random() * 2, TYPES[Math.floor(random() * TYPES.length)]),
  );
}

function bruteForce(stations: Station[], lng: number, lat: number, k: number, keep = (_: Station) => true): NearestResult[] {
  return stations
    .map((station, i) => ({ i, station, distanceMeters: haversineMeters(lng, lat, ...(station.geometry.coordinates as [number, number])) }))
    .filter(({ station }) => keep(station))
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.i - b.i)
    .slice(0, k)
    .map(({ station, distanceMeters }) => ({ station, distanceMeters }));
}

describe('nearestStations', () => {
  const stations = makeStations(1500, 11);

  it('lists the nearest stations first, exactly as a full haversine scan does', () => {
    const random = createRandom(12);
    for (let q = 0; q < 150; q++) {
      const lng = 115.5 + random() * 3;
      const lat = 38.5 + random() * 3;
      expect(nearestStations(stations, lng, lat, 1)).toEqual(bruteForce(stations, lng, lat, 1));
      expect(nearestStations(stations, lng, lat, 10)).toEqual(bruteForce(stations, lng, lat, 10));
    }
  });

  it('returns five by default, nearest first, with the stations themselves', () => {
    const result = nearestStations(stations, 117, 40);
    expect(result).toHaveLength(5);
    expect(result[0].station).toBe(bruteForce(stations, 117, 40, 1)[0].station);
    for (let i = 1; i < result.length; i++) {
      expect(result[i].distanceMeters).toBeGreaterThanOrEqual(result[i - 1].distanceMeters);
    }
  });

  it('keeps the array order for stations at the same spot', () => {
    const twins = [makeStation(1, 117, 36), makeStation(2, 117.5, 36), makeStation(3, 117, 36)];
    expect(nearestStations(twins, 117, 36, 3).map((r) => r.station.id)).toEqual(['S-1', 'S-3', 'S-2']);
  });

  it('applies a predicate or a StationFilter, still nearest first', () => {
    const random = createRandom(13);
    const isMommyRoom = (s: Station) => s.properties.type === 'mommy-room';
    const hasToilet = (s: Station) => (s.properties.services ?? []).includes('toilet');
    for (let q = 0; q < 40; q++) {
      const lng = 116 + random() * 2;
      const lat = 39 + random() * 2;
      expect(nearestStations(stations, lng, lat, 5, isMommyRoom)).toEqual(bruteForce(stations, lng, lat, 5, isMommyRoom));
      expect(nearestStations(stations, lng, lat, 5, { types: ['mommy-room'] })).toEqual(
        bruteForce(stations, lng, lat, 5, isMommyRoom),
      );
      expect(nearestStations(stations, lng, lat, 3, { services: ['toilet'] })).toEqual(
        bruteForce(stations, lng, lat, 3, hasToilet),
      );
    }
    expect(nearestStations(stations, 117, 40, 5, { types: ['no-such-type'] })).toEqual([]);
  });

  it('judges openNow at the time it is given', () => {
    const dayOnly = [makeStation(1, 117, 36, 'union-station', '08:00-18:00'), makeStation(2, 118, 36, 'union-station', '24/7')];
    const night = new Date('2024-06-01T23:00:00+08:00');
    const noon = new Date('2024-06-01T12:00:00+08:00');
    expect(nearestStations(dayOnly, 117, 36, 1, { openNow: true }, { now: night })[0].station.id).toBe('S-2');
    expect(nearestStations(dayOnly, 117, 36, 1, { openNow: true }, { now: noon })[0].station.id).toBe('S-1');
  });

  it('finds the station across the antimeridian', () => {
    const pacific = [makeStation(1, 179.95, -16.5), makeStation(2, 178, -16.5)];
    const [first] = nearestStations(pacific, -179.95, -16.5, 1);
    expect(first.station.id).toBe('S-1');
    expect(first.distanceMeters).toBeLessThan(11_000);
  });

  it('returns [] for no stations, a bad position or k <= 0', () => {
    expect(nearestStations([], 117, 36)).toEqual([]);
    expect(nearestStations(stations, NaN, 36)).toEqual([]);
    expect(nearestStations(stations, 117, Infinity)).toEqual([]);
    expect(nearestStations(stations, 117, -95)).toEqual([]);
    expect(nearestStations(stations, 117, 36, 0)).toEqual([]);
    expect(nearestStations(stations, 117, 36, -3)).toEqual([]);
  });

  it('reuses the index while the array is unchanged and rebuilds when it changes', () => {
    const list = [makeStation(1, 117, 36), makeStation(2, 118, 36), makeStation(3, 119, 36)];
    expect(nearestStations(list, 119, 36, 1)[0].station.id).toBe('S-3');
    // Moving a middle station in place is invisible to the cache: proof the index was reused.
    list[1].geometry.coordinates = [119, 36];
    expect(nearestStations(list, 119, 36, 1)[0].station.id).toBe('S-3');
    // Appending a station changes the length: the index is rebuilt and sees both changes.
    list.push(makeStation(4, 130, 36));
    expect(nearestStations(list, 119, 36, 2).map((r) => r.station.id)).toEqual(['S-2', 'S-3']);
    // Replacing the last element (same length) also rebuilds.
    list[3] = makeStation(5, 119, 36);
    expect(nearestStations(list, 119, 36, 3).map((r) => r.station.id)).toEqual(['S-2', 'S-3', 'S-5']);
    list[0] = makeStation(6, 119, 36);
    expect(nearestStations(list, 119, 36, 1)[0].station.id).toBe('S-6');
  });

  it('skips stations without usable coordinates instead of throwing', () => {
    const broken = [makeStation(1, 117, 36), { ...makeStation(2, 0, 0), geometry: null } as unknown as Station];
    expect(nearestStations(broken, 117, 36, 5).map((r) => r.station.id)).toEqual(['S-1']);
  });
});
