/**
 * Stations to a PMTiles archive: {@link buildStationTiles} cuts them, {@link encodePointLayer}
 * encodes each tile's `stations` layer and {@link PmtilesWriter} lays out the file with the
 * header and metadata of docs/design/tiled-stations.md.
 */
import { encodePointLayer } from './encode-mvt.js';
import { PmtilesWriter, type PmtilesSummary } from './pmtiles-writer.js';
import { buildStationTiles, tileExtent, type StationFeature, type StationTileSet } from './station-tiles.js';

/** The MVT layer name of the contract. */
export const STATION_LAYER = 'stations';

/** Options of {@link buildStationArchive}. */
export interface StationArchiveOptions {
  /** Gzip compression of a byte array (`zlib.gzipSync` in Node, any JavaScript gzip in a page or a Worker). */
  gzip: (bytes: Uint8Array) => Uint8Array;
  /** Zoom at which tiles carry every station (default 14). */
  stationZoom?: number;
  /** The metadata's `generator`, e.g. `station-map 0.2.0`. */
  generator?: string;
}

/** A built archive: the file as chunks, and what went into it. */
export interface StationArchive {
  /** The archive's bytes, in order. */
  chunks: Uint8Array[];
  /** The tiled stations (counts, bounds, fields). */
  set: StationTileSet;
  /** Directory and size figures of the archive. */
  summary: PmtilesSummary;
  /** Non-empty tiles per zoom, index = zoom. */
  tilesPerZoom: number[];
  /** The archive's JSON metadata. */
  metadata: Record<string, unknown>;
}

/**
 * Builds the PMTiles archive of `stations` (WGS-84 Point features).
 *
 * @example
 * import { gzipSync } from 'node:zlib';
 * const { chunks } = buildStationArchive(features, { gzip: (b) => gzipSync(b), stationZoom: 12 });
 */
export function buildStationArchive(stations: readonly StationFeature[], options: StationArchiveOptions): StationArchive {
  const set = buildStationTiles(stations, { stationZoom: options.stationZoom });
  const writer = new PmtilesWriter({ gzip: options.gzip });
  const tilesPerZoom = new Array<number>(set.stationZoom + 1).fill(0);
  for (const tile of set.tiles()) {
    writer.addTile(tile.z, tile.x, tile.y, encodePointLayer(STATION_LAYER, tile.features, { extent: tile.extent }));
    tilesPerZoom[tile.z]!++;
  }
  // Without stations the archive still needs one tile (a directory may not be empty): an empty
  // layer at zoom 0 says "no stations" to a reader that sums the zoom-0 counts.
  if (set.count === 0) {
    writer.addTile(0, 0, 0, encodePointLayer(STATION_LAYER, [], { extent: tileExtent(0) }));
    tilesPerZoom[0] = 1;
  }
  const metadata = stationMetadata(set, options.generator ?? 'station-map');
  const bounds = set.bounds ?? [-180, -85.0511287798066, 180, 85.0511287798066];
  const { chunks, summary } = writer.finish(
    { minZoom: 0, maxZoom: set.stationZoom, bounds, center: centerOf(bounds, set.stationZoom) },
    metadata,
  );
  return { chunks, set, summary, tilesPerZoom, metadata };
}

/** The JSON metadata of the contract. */
function stationMetadata(set: StationTileSet, generator: string): Record<string, unknown> {
  return {
    name: STATION_LAYER,
    format: 'pbf',
    generator,
    station_zoom: set.stationZoom,
    station_count: set.count,
    type_counts: set.typeCounts,
    json_fields: set.jsonFields,
    vector_layers: [{ id: STATION_LAYER, minzoom: 0, maxzoom: set.stationZoom, fields: set.fields }],
  };
}

/** The middle of the bounds, at the highest zoom (up to the station zoom) whose one tile could hold them. */
function centerOf([west, south, east, north]: [number, number, number, number], maxZoom: number): [number, number, number] {
  const span = Math.max(east - west, (north - south) * 1.5, 1e-9);
  const zoom = Math.max(0, Math.min(maxZoom, Math.floor(Math.log2(360 / span))));
  return [(west + east) / 2, (south + north) / 2, zoom];
}
