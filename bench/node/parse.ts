/**
 * parseStations on a FeatureCollection object (what `el.stations = …` hands it).
 */
import { parseStations } from '../../src/data/parse-stations.js';
import { generateCities, toStationCollection } from '../generate.mjs';
import { isQuick, logProgress, printRows, timeMedian, type BenchRow } from './measure.js';

const SIZES = isQuick ? [100_000] : [100_000, 1_000_000];

const rows: BenchRow[] = [];
for (const n of SIZES) {
  logProgress(`parseStations ${n}`);
  const collection = toStationCollection(generateCities(n, { seed: 31 }));
  let kept = 0;
  const ours = timeMedian(n >= 1_000_000 ? 3 : 5, () => (kept = parseStations(collection).stations.length));
  rows.push({ id: `parse-${n}`, operation: 'parseStations (object)', data: 'cities', n, ours, extra: { kept } });
}
printRows(rows);
