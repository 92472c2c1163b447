/**
 * `station-map tiles` on a national file: 186,100 seeded stations with the sample's full
 * properties (bench/national-stations.mjs) cut into the contract's tiles and written as a PMTiles
 * archive, gzip by Node's zlib as the command does. Also gives the figures of
 * docs/guides/national-scale.md: the GeoJSON's size raw and gzip against the archive's.
 */
import { gzipSync } from 'node:zlib';
import { encodePointLayer } from '../../src/tiles/encode-mvt.js';
import { buildStationArchive, type StationArchive } from '../../src/tiles/station-archive.js';
import { buildStationTiles, DEFAULT_STATION_ZOOM, type StationFeature } from '../../src/tiles/station-tiles.js';
import { lngLatToTile } from '../../src/tiles/tile-math.js';
import { nationalStations } from '../national-stations.mjs';
import { isQuick, logProgress, printRows, timeMedian, viewBBox, type BenchRow } from './measure.js';

/** What a 1280 × 800 px view fetches: the gzip bytes of the tiles it covers, at four zooms (256 px tiles, as Leaflet asks). */
const VIEWS = [
  { name: 'viewChinaZ4KB', lng: 105, lat: 35, zoom: 4 },
  { name: 'viewShanghaiZ8KB', lng: 121.47, lat: 31.23, zoom: 8 },
  { name: 'viewShanghaiZ12KB', lng: 121.47, lat: 31.23, zoom: 12 },
  { name: 'viewShanghaiZ14KB', lng: 121.47, lat: 31.23, zoom: 14 },
];

function viewSizes(features: readonly StationFeature[]): Record<string, number> {
  const wanted = new Map<string, string>();
  for (const view of VIEWS) {
    const [west, south, east, north] = viewBBox(view.lng, view.lat, view.zoom);
    const min = lngLatToTile(west, north, view.zoom);
    const max = lngLatToTile(east, south, view.zoom);
    for (let x = min.x; x <= max.x; x++) for (let y = min.y; y <= max.y; y++) wanted.set(`${view.zoom}/${x}/${y}`, view.name);
  }
  const out: Record<string, number> = Object.fromEntries(VIEWS.map((v) => [v.name, 0]));
  for (const tile of buildStationTiles(features).tiles()) {
    const name = wanted.get(`${tile.z}/${tile.x}/${tile.y}`);
    if (name) out[name] += gzipSync(encodePointLayer('stations', tile.features, { extent: tile.extent })).length / 1024;
  }
  for (const key of Object.keys(out)) out[key] = Number(out[key]!.toFixed(1));
  return out;
}

const N = 186_100;

logProgress(`tiles ${N}`);
const collection = nationalStations(N) as { features: StationFeature[] };
const geojson = Buffer.from(JSON.stringify(collection));
let archive: StationArchive | null = null;
const ours = timeMedian(isQuick ? 1 : 3, () => (archive = buildStationArchive(collection.features, { gzip: (b) => gzipSync(b) })));
const built = archive as StationArchive | null;
const MB = 1024 * 1024;
const rows: BenchRow[] = [
  {
    id: `tiles-${N}`,
    operation: `tiles: build the archive (station zoom ${DEFAULT_STATION_ZOOM})`,
    data: 'cities',
    n: N,
    ours,
    extra: built
      ? {
          archiveMB: Number((built.summary.bytes / MB).toFixed(1)),
          tiles: built.summary.addressedTiles,
          largestTileKB: Number((built.summary.largestTile / 1024).toFixed(1)),
          leafDirectories: built.summary.leafDirectories,
          geojsonMB: Number((geojson.length / MB).toFixed(1)),
          geojsonGzipMB: Number((gzipSync(geojson).length / MB).toFixed(1)),
          ...viewSizes(collection.features),
        }
      : {},
  },
];
printRows(rows);
