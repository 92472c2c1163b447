/** Seeded stations over China with the properties a real file has, for the tile tests. */
import type { Feature, Point } from 'geojson';
import { createRandom } from '../geo/seeded-random.js';

const TYPES = ['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room', '职工之家', undefined];
const SERVICES = ['water', 'hot-water', 'microwave', 'toilet', 'rest', 'charging', 'first-aid', 'wifi'];

/** `n` stations spread over China's box (or `box`), ids `T000001` …, every third with honors. */
export function randomStations(
  n: number,
  seed: number,
  box: [number, number, number, number] = [73.5, 18.2, 134.8, 53.5],
): Feature<Point, Record<string, unknown>>[] {
  const random = createRandom(seed);
  const [west, south, east, north] = box;
  const out: Feature<Point, Record<string, unknown>>[] = [];
  for (let i = 0; i < n; i++) {
    const id = `T${String(i).padStart(6, '0')}`;
    const type = TYPES[Math.floor(random() * TYPES.length)];
    const services = SERVICES.filter(() => random() < 0.4);
    const lng = Math.round((west + random() * (east - west)) * 1e7) / 1e7;
    const lat = Math.round((south + random() * (north - south)) * 1e7) / 1e7;
    out.push({
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        id,
        name: `驿站 ${i}`,
        ...(type === undefined ? {} : { type }),
        address: `某市某路 ${i} 号`,
        hours: i % 2 ? '24/7' : '08:00-20:00',
        services,
        ...(i % 3 === 0 ? { honors: ['最美工会驿站'] } : {}),
        seats: i % 7,
        verified: i % 5 === 0,
        phone: null,
      },
    });
  }
  return out;
}
