/**
 * A seeded national station file: stations placed like real ones (bench/generate.mjs's city
 * blobs over China) carrying the full properties of the bundled sample (names, addresses,
 * phones, services, managers …), each with its own id and rating link. The bench's phone pages
 * build their large files the same way (bench/browser/cheap-phone.mjs); this one spreads them
 * over the country, for the tiles figures of docs/guides/national-scale.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateCities } from './generate.mjs';

// From the repository root, as `npm run bench` runs: the bench bundles its suites elsewhere, so
// this file's own URL does not lead back to demo/.
const SAMPLE = join(process.cwd(), 'demo/data/stations.geojson');

/**
 * `n` stations as a GeoJSON FeatureCollection (WGS-84, ids `CN-000000` …).
 *
 * @param {number} n
 * @param {{ seed?: number }} [options]
 * @example nationalStations(186_100).features.length // 186100
 */
export function nationalStations(n, options = {}) {
  const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')).features;
  const { lng, lat } = generateCities(n, { seed: options.seed ?? 186 });
  const features = new Array(n);
  for (let i = 0; i < n; i++) {
    const base = sample[i % sample.length];
    const id = `CN-${String(i).padStart(6, '0')}`;
    features[i] = {
      type: 'Feature',
      id,
      properties: { ...base.properties, id, rating_url: `https://example.org/rate/${id}` },
      // Seven decimals, as `station-map convert` writes them.
      geometry: { type: 'Point', coordinates: [Math.round(lng[i] * 1e7) / 1e7, Math.round(lat[i] * 1e7) / 1e7] },
    };
  }
  return { type: 'FeatureCollection', features };
}
