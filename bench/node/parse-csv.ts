/**
 * parseStations on a CSV table as a union keeps it (Chinese headers and values) against the same
 * stations as GeoJSON text: both start from text, as they arrive over the network. Target: the
 * table within 1.5× of the GeoJSON (budgets.mjs).
 */
import { parseStations } from '../../src/data/read-stations.js';
import { generateCities, toStationCollection } from '../generate.mjs';
import { logProgress, printRows, timeMedian, type BenchRow } from './measure.js';

const N = 100_000;
const TYPE_NAMES: Record<string, string> = { 'union-station': '工会驿站', 'driver-home': '司机之家' };

logProgress(`parseStations CSV vs GeoJSON text ${N}`);
const collection = toStationCollection(generateCities(N, { seed: 31 }));
const geojson = JSON.stringify(collection);
const lines = ['站点编号,站点名称,站点类型,开放时间,经度,纬度'];
for (const f of collection.features) {
  const p = f.properties as { name: string; type: string; hours: string };
  const [lng, lat] = f.geometry.coordinates as [number, number];
  lines.push(`${String(f.id)},${p.name},${TYPE_NAMES[p.type] ?? p.type},${p.hours},${lng},${lat}`);
}
const csv = `${lines.join('\r\n')}\r\n`;

let keptCsv = 0;
let keptJson = 0;
const geojsonMs = timeMedian(5, () => (keptJson = parseStations(geojson).stations.length));
const csvMs = timeMedian(5, () => (keptCsv = parseStations(csv).stations.length));
const rows: BenchRow[] = [
  {
    id: `parse-csv-${N}`,
    operation: 'parseStations (CSV text, Chinese headers)',
    data: 'cities',
    n: N,
    ours: csvMs,
    peer: 'parseStations (same stations, GeoJSON text)',
    peerMs: geojsonMs,
    extra: { kept: keptCsv, keptGeoJson: keptJson, csvMB: csv.length / 2 ** 20, geojsonMB: geojson.length / 2 ** 20 },
  },
];
printRows(rows);
