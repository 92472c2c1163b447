/**
 * Where tiled stations come from: a PMTiles v3 archive read with HTTP range requests (the
 * maintained `pmtiles` package), or a `{z}/{x}/{y}` MVT URL template (Martin, pg_tileserv, a
 * folder of files). Both answer the same two questions: what the source is (station zoom, total,
 * bounds) and the bytes of one tile. Pure of DOM: `fetch` and `DecompressionStream` are in Node too.
 */
import { bytesToHeader, FetchSource, PMTiles } from 'pmtiles';
import { coalescedRanges } from './coalesced-ranges.js';
import { HEADER_LENGTH } from './pmtiles-writer.js';
import { decodeStationTile, type TileKey } from './decode-station-tile.js';
import { DEFAULT_STATION_ZOOM } from './station-tiles.js';
import { DEFAULT_JSON_FIELDS } from './tile-properties.js';

/** What a tiled source says about itself. */
export interface TileSourceInfo {
  /** Zoom whose tiles hold every station (the archive's `station_zoom`, else the page's `station-zoom`). */
  stationZoom: number;
  /** Number of stations (the archive's `station_count`, else the sum of the zoom-0 tile's counts). */
  total: number;
  /** WGS-84 bounds of the stations, or `null` when the source does not say. */
  bbox: [number, number, number, number] | null;
  /** Properties written as JSON text. */
  jsonFields: readonly string[];
}

/** One tiled source of stations. */
export interface TileSource {
  /** Whether it knows which tiles exist without asking for them (a PMTiles directory): empty tiles are free. */
  readonly knowsEmptyTiles: boolean;
  info(signal?: AbortSignal): Promise<TileSourceInfo>;
  /** The tile's MVT bytes (uncompressed), or `null` for an empty tile; rejects when it cannot be fetched. */
  tile(key: TileKey, signal?: AbortSignal): Promise<Uint8Array | null>;
}

/**
 * A PMTiles archive at `url` (absolute, or relative to the page). `head`, when given, is the
 * archive's first bytes fetched already (see `fetchArchiveHead`): the reader's requests inside them
 * (the header and root directory, the metadata our producer puts after it) are served from them.
 * Ranges asked for together (a view's tiles) are fetched together ({@link coalescedRanges}).
 */
export function pmtilesSource(url: string, head?: Promise<ArrayBuffer | null> | null): TileSource {
  const fetchSource = coalescedRanges(new FetchSource(url));
  // The head's bytes and where its tile data starts, read once (bytes the reader cannot read as a
  // header are not served: it fetches them and says what is wrong).
  const known = head
    ?.then((bytes) => (bytes && bytes.byteLength >= HEADER_LENGTH ? { bytes, tileData: bytesToHeader(bytes).tileDataOffset } : null))
    .catch(() => null);
  const archive = new PMTiles(
    known
      ? {
          getKey: () => url,
          async getBytes(offset, length, signal, etag) {
            const served = await known;
            // The header's request, and directories and metadata before the tile data (tiles are
            // always fetched: each one's failure is its own).
            if (served && offset + length <= served.bytes.byteLength && (offset === 0 || offset + length <= served.tileData)) {
              return { data: served.bytes.slice(offset, offset + length) };
            }
            return fetchSource.getBytes(offset, length, signal, etag);
          },
        }
      : fetchSource,
  );
  let info: Promise<TileSourceInfo> | null = null;
  return {
    knowsEmptyTiles: true,
    info() {
      info ??= (async () => {
        const header = await archive.getHeader();
        const metadata = (await archive.getMetadata().catch(() => ({}))) as Record<string, unknown> | null;
        const stationZoom = toInteger(metadata?.station_zoom) ?? header.maxZoom;
        const total = toInteger(metadata?.station_count) ?? (await countOfTopTile((key) => this.tile(key), jsonFieldsOf(metadata)));
        const bbox: TileSourceInfo['bbox'] =
          header.minLon < header.maxLon ? [header.minLon, header.minLat, header.maxLon, header.maxLat] : null;
        return { stationZoom, total, bbox, jsonFields: jsonFieldsOf(metadata) };
      })();
      info.catch(() => (info = null));
      return info;
    },
    async tile({ z, x, y }, signal) {
      const found = await archive.getZxy(z, x, y, signal);
      return found && found.data.byteLength > 0 ? new Uint8Array(found.data) : null;
    },
  };
}

/**
 * Tiles from a URL template with `{z}`, `{x}` and `{y}`. A 204, a 404 and an empty body are
 * empty tiles; any other failure rejects. Gzip bytes a server sent without saying so are unpacked.
 */
export function templateSource(template: string, options: { stationZoom?: number | null } = {}): TileSource {
  const stationZoom = options.stationZoom ?? DEFAULT_STATION_ZOOM;
  let info: Promise<TileSourceInfo> | null = null;
  const source: TileSource = {
    knowsEmptyTiles: false,
    info() {
      info ??= countOfTopTile((key) => source.tile(key), DEFAULT_JSON_FIELDS).then((total) => ({
        stationZoom,
        total,
        bbox: null,
        jsonFields: DEFAULT_JSON_FIELDS,
      }));
      info.catch(() => (info = null));
      return info;
    },
    async tile({ z, x, y }, signal) {
      const url = template.replace(/\{z\}/g, String(z)).replace(/\{x\}/g, String(x)).replace(/\{y\}/g, String(y));
      const response = await fetch(url, { signal });
      if (response.status === 204 || response.status === 404) return null;
      if (!response.ok) throw new Error(`HTTP ${response.status} for tile ${z}/${x}/${y} (${url})`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength === 0) return null;
      return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzip(bytes) : bytes;
    },
  };
  return source;
}

/** The number of stations the zoom-0 tile counts (a station counting 1). */
async function countOfTopTile(load: (key: TileKey) => Promise<Uint8Array | null>, jsonFields: readonly string[]): Promise<number> {
  const key = { z: 0, x: 0, y: 0 };
  const bytes = await load(key);
  if (!bytes) return 0;
  const tile = decodeStationTile(bytes, key, { jsonFields });
  return tile.clusters.reduce((sum, cluster) => sum + cluster.count, tile.stations.length);
}

/**
 * Calls `attempt` until it resolves, at most `1 + retries` times, waiting `delayMs × 4^n` between
 * tries (default 2 retries after 250 ms and 1 s). An abort stops at once with the abort's reason.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: { retries?: number; delayMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  const { retries = 2, delayMs = 250, signal } = options;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      signal?.throwIfAborted();
      if (n >= retries) throw error;
    }
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, delayMs * 4 ** n);
      signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
    });
  }
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function jsonFieldsOf(metadata: Record<string, unknown> | null | undefined): readonly string[] {
  const fields = metadata?.json_fields;
  return Array.isArray(fields) && fields.every((f) => typeof f === 'string') ? fields : DEFAULT_JSON_FIELDS;
}

function toInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}
