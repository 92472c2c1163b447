/**
 * Seeded test data for the benchmarks, so two runs (and two machines) measure
 * the same points. Plain ESM without Node imports: the browser bench page
 * imports this file too.
 */

/** China's extent the uniform generator draws from. */
export const CHINA_BBOX = /** @type {const} */ ([73, 18, 135, 53]);

/**
 * Approximate centres of ~50 large Chinese cities with a relative weight
 * (roughly population), used to place stations the way real ones cluster.
 * @type {ReadonlyArray<readonly [lng: number, lat: number, weight: number]>}
 */
export const CITY_CENTRES = [
  [121.47, 31.23, 25], [116.4, 39.9, 22], [104.07, 30.67, 21], [106.55, 29.56, 20],
  [113.26, 23.13, 19], [114.06, 22.54, 18], [117.2, 39.13, 14], [114.3, 30.59, 13],
  [108.94, 34.34, 13], [120.15, 30.27, 12], [112.94, 28.23, 10], [118.8, 32.06, 10],
  [113.62, 34.75, 13], [117.12, 36.65, 9], [120.38, 36.07, 10], [123.43, 41.8, 9],
  [126.63, 45.75, 10], [125.32, 43.82, 9], [102.71, 25.04, 8], [106.63, 26.65, 6],
  [108.37, 22.82, 9], [119.3, 26.08, 8], [118.09, 24.48, 5], [117.28, 31.86, 9],
  [115.86, 28.68, 6], [112.55, 37.87, 5], [114.51, 38.04, 11], [111.67, 40.82, 3],
  [103.83, 36.06, 4], [101.78, 36.62, 2], [106.23, 38.49, 3], [87.62, 43.82, 4],
  [91.13, 29.65, 1], [110.35, 20.02, 3], [120.58, 31.3, 12], [120.3, 31.57, 7],
  [121.55, 29.87, 9], [120.7, 28.0, 9], [113.12, 23.02, 9], [113.75, 23.02, 10],
  [118.68, 37.43, 2], [117.13, 36.19, 5], [119.46, 35.42, 3], [121.61, 38.91, 7],
  [122.12, 37.51, 2], [116.99, 33.64, 5], [114.35, 36.1, 5], [112.45, 34.62, 7],
  [110.3, 25.27, 5], [100.23, 26.87, 1], [109.5, 18.25, 1], [116.7, 23.37, 6],
];

/**
 * A seeded uniform random number generator in [0, 1) (mulberry32).
 *
 * @param {number} seed
 * @returns {() => number}
 * @example const random = createRandom(42); random(); // 0.6011…
 */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal deviate (Box–Muller) from `random`. */
function drawNormal(random) {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * `n` points spread uniformly over China's bounding box.
 *
 * @param {number} n
 * @param {{ seed?: number }} [options]
 * @returns {{ lng: Float64Array, lat: Float64Array }}
 */
export function generateUniform(n, options = {}) {
  const random = createRandom(options.seed ?? 1);
  const [west, south, east, north] = CHINA_BBOX;
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lng[i] = west + random() * (east - west);
    lat[i] = south + random() * (north - south);
  }
  return { lng, lat };
}

/**
 * `n` points clustered like real stations: Gaussian blobs around
 * {@link CITY_CENTRES} (city picked by weight; spread 0.05°–0.4°, a dense core
 * and a sprawling suburb), plus 3 % scattered over the whole country.
 *
 * @param {number} n
 * @param {{ seed?: number }} [options]
 * @returns {{ lng: Float64Array, lat: Float64Array }}
 */
export function generateCities(n, options = {}) {
  const random = createRandom(options.seed ?? 2);
  const [west, south, east, north] = CHINA_BBOX;
  const cumulative = [];
  let total = 0;
  for (const [, , weight] of CITY_CENTRES) cumulative.push((total += weight));
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (random() < 0.03) {
      lng[i] = west + random() * (east - west);
      lat[i] = south + random() * (north - south);
      continue;
    }
    const pick = random() * total;
    let c = 0;
    while (cumulative[c] < pick) c++;
    const [cLng, cLat] = CITY_CENTRES[c];
    const spread = random() < 0.6 ? 0.05 : 0.4;
    lng[i] = cLng + drawNormal(random) * spread;
    lat[i] = Math.max(south, Math.min(north, cLat + drawNormal(random) * spread * 0.8));
  }
  return { lng, lat };
}

/**
 * Generates points with the named distribution.
 *
 * @param {'uniform' | 'cities'} kind
 * @param {number} n
 * @param {{ seed?: number }} [options]
 */
export function generatePoints(kind, n, options = {}) {
  return kind === 'uniform' ? generateUniform(n, options) : generateCities(n, options);
}

const TYPES = ['union-station', 'outdoor-worker', 'worker-center', 'mother-room', 'driver-home'];

/**
 * Station Features (what a page would hand the widget) at the given columns,
 * with ids, names, types and opening hours like a real data set.
 *
 * @param {{ lng: Float64Array, lat: Float64Array }} columns
 * @returns {{ type: 'FeatureCollection', features: object[] }}
 */
export function toStationCollection({ lng, lat }) {
  const features = new Array(lng.length);
  for (let i = 0; i < lng.length; i++) {
    features[i] = {
      type: 'Feature',
      id: `ST-${i}`,
      geometry: { type: 'Point', coordinates: [lng[i], lat[i]] },
      properties: { name: `工会驿站 ${i}`, type: TYPES[i % TYPES.length], hours: '08:00-20:00' },
    };
  }
  return { type: 'FeatureCollection', features };
}

/**
 * A street grid of about `segments` two-point segments: `side` × `side` jittered
 * intersections ~100 m apart near Jinan, joined by east–west and north–south
 * LineStrings that share their intersection vertices, with ~2 % of the blocks
 * missing so routes have to go around.
 *
 * @param {number} segments
 * @param {{ seed?: number }} [options]
 * @returns {{ network: { type: 'FeatureCollection', features: object[] }, segmentCount: number, bbox: number[] }}
 */
export function generateStreetGrid(segments, options = {}) {
  const random = createRandom(options.seed ?? 3);
  const side = Math.max(2, Math.round((1 + Math.sqrt(1 + 2 * segments)) / 2));
  const stepLat = 0.0009;
  const stepLng = 0.0009 / Math.cos((36.65 * Math.PI) / 180);
  const west = 117.0 - (side * stepLng) / 2;
  const south = 36.65 - (side * stepLat) / 2;
  const px = new Float64Array(side * side);
  const py = new Float64Array(side * side);
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      px[r * side + c] = west + (c + (random() - 0.5) * 0.3) * stepLng;
      py[r * side + c] = south + (r + (random() - 0.5) * 0.3) * stepLat;
    }
  }
  const features = [];
  let segmentCount = 0;
  const addRun = (coordinates) => {
    if (coordinates.length < 2) return;
    segmentCount += coordinates.length - 1;
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } });
  };
  for (const horizontal of [true, false]) {
    for (let a = 0; a < side; a++) {
      let run = [];
      for (let b = 0; b < side; b++) {
        const k = horizontal ? a * side + b : b * side + a;
        run.push([px[k], py[k]]);
        // A missing block: the street stops here and resumes at the next corner.
        if (b < side - 1 && random() < 0.02) {
          addRun(run);
          run = [];
        }
      }
      addRun(run);
    }
  }
  const bbox = [west, south, west + side * stepLng, south + side * stepLat];
  return { network: { type: 'FeatureCollection', features }, segmentCount, bbox };
}
