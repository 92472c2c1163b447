/**
 * The tiled mode of `<station-map>` (`src="….pmtiles"`, `tiles="…/{z}/{x}/{y}.pbf"`; see
 * docs/design/tiled-stations.md). A side file, loaded only by pages that use it: the PMTiles
 * reader, the MVT decoder, the tile cache and the nearest search never reach a GeoJSON page.
 *
 * It loads the tiles the map's view needs (and a tile of margin), nearest the centre first,
 * cancels the ones a move left behind and keeps a bounded cache. What the tiles hold becomes the
 * element's `store` (src/tiles/tiled-store.ts), so the list, the detail, the filters, routes and
 * the map's own clusters work on the loaded stations as they do on a GeoJSON load; below the
 * station zoom the same store draws the producer's clusters. After a position is set it loads
 * the tiles around it until the nearest stations are exact (src/tiles/nearest-in-tiles.ts).
 *
 * It follows its inputs itself (hostUpdate): the source attributes, the user's position and
 * the filter. The element reaches it only to start it and for `findNearest()`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { createStationFilter } from '../data/filter-stations.js';
import type { StationColumns, StationStore } from '../data/station-store.js';
import type { ClusterIndex } from '../geo/cluster/cluster-index.js';
import type { StationMapErrorDetail, StationMapEventMap } from '../events.js';
import type { ClusterBBox } from '../geo/cluster/cluster-index.js';
import { isCrs, toWgs84 } from '../geo/crs/crs.js';
import { convertBBoxToPage } from '../geo/crs/page-crs.js';
import type { HolidayCalendar } from '../hours/holiday-calendar.js';
import type { UiStrings } from '../i18n/strings.js';
import type { MapController } from '../map/map-controller.js';
import { decodeStationTile, emptyTile, type DecodedTile, type TileKey } from '../tiles/decode-station-tile.js';
import { deepStartZoom, findNearestInTiles } from '../tiles/nearest-in-tiles.js';
import { StationRegistry, keptCount, type TiledStore } from '../tiles/tiled-store.js';
import { readLookupStations, lookupUrlFor } from '../tiles/lookup-stations.js';
import { isTiledSource } from '../tiles/tiled-source-url.js';
import { pmtilesSource, templateSource, withRetries, type TileSource, type TileSourceInfo } from '../tiles/tile-source.js';
import { DEFAULT_STATION_ZOOM } from '../tiles/station-tiles.js';
import { ancestorAt, tileId, tilesCovering, tileZoomFor } from '../tiles/view-tiles.js';
import { boundsFromTiles } from '../tiles/tile-bounds.js';
import { tileBounds } from '../tiles/tile-math.js';
import type { Crs, NearestResult, Station, StationFilter } from '../types.js';
import type { SelectionController } from './selection-controller.js';
import type { StationListController } from './station-list-controller.js';

/**
 * What the tiled mode reads and sets on its element: public attributes, and the private fields
 * the element's GeoJSON load sets (`store`, `errorMessage`, `viewFitted`) and reads. The names
 * are the element's own (the script-tag bundle renames no property); a test loads this file
 * against the built element.
 */
export interface TiledHost extends ReactiveControllerHost, HTMLElement {
  src: string | null;
  tiles: string | null;
  stationZoom: string | number | null;
  lookupUrl: string | null;
  stations: unknown;
  crs: Crs;
  filter: StationFilter | null;
  nearest: number;
  center: string | null;
  selected: string | null;
  timezone: string;
  holidays: HolidayCalendar | null;
  store: StationStore | null;
  errorMessage: string | null;
  position: { lng: number; lat: number } | null;
  mapController: MapController | null;
  selection: SelectionController;
  list: StationListController;
  viewFitted: boolean;
  strings: UiStrings;
  now(): Date;
  dispatch<K extends keyof StationMapEventMap>(type: K, detail: StationMapEventMap[K]['detail']): CustomEvent;
  fireError(code: StationMapErrorDetail['code'], message: string): void;
  /** Set by {@link TiledMode}: the element's `findNearest()` asks it. */
  tiled?: TiledMode;
  /** The first bytes of a `.pmtiles` `src`, fetched by the main script while this file loaded. */
  archiveHead?: { src: string; bytes: Promise<ArrayBuffer | null> } | null;
}

/**
 * What the element hands the tiled mode from its main script: code both need, so this side file
 * holds no second copy of the station index, the cluster index or the hours parser.
 */
export interface TiledKit {
  /** Indexes stations: `(columns) => runSteps(indexColumnsSteps(columns))`. */
  indexColumns(columns: StationColumns): StationStore<ClusterIndex>;
  createStationFilter: typeof createStationFilter;
}

/** Most tiles kept decoded; the view's own and the nearest search's are never dropped. */
const MAX_TILES = 256;
/** Past this many known stations, the ones no cached tile holds are forgotten. */
const MAX_STATIONS = 20_000;
/** Wait after typing before asking `lookup-url`. */
const LOOKUP_DELAY_MS = 300;
/**
 * Fewest milliseconds between two rebuilds of the store for arriving tiles: each rebuild indexes
 * every known station and redraws the markers (~150-300 ms for a city's station tiles on a slow
 * phone), and on a slow link a view's tiles arrive a few dozen milliseconds apart. The first tile
 * after a pause is drawn at once.
 */
const REFRESH_INTERVAL_MS = 250;

interface CachedTile {
  tile: DecodedTile | null;
  /** A nearest search waits for it: a move of the view must not cancel it. */
  searched?: boolean;
  promise: Promise<DecodedTile>;
  abort: AbortController;
  used: number;
}

/** Owns the tiled mode of one `<station-map>`. */
export class TiledMode implements ReactiveController {
  private key = '';
  private load: TiledLoad | null = null;

  constructor(
    private readonly host: TiledHost,
    private readonly kit: TiledKit,
  ) {
    host.tiled = this;
    host.addController(this);
  }

  /** Starts, restarts or stops the tiled load when the source changed; the load follows position and filter. */
  hostUpdate(): void {
    const { host } = this;
    const key = isTiledSource(host) ? JSON.stringify([host.src, host.tiles, host.stationZoom, host.crs, host.lookupUrl]) : '';
    // The source could not be read and its message is gone: the user pressed "retry" (or the page
    // reloaded the data), so read it again.
    if (key !== this.key || (this.load?.unreadable && host.errorMessage === null)) {
      this.key = key;
      this.load?.stop();
      this.load = key ? new TiledLoad(host, this.kit) : null;
    }
    this.load?.update();
  }

  hostUpdated(): void {
    this.load?.attach();
  }

  hostDisconnected(): void {
    // The map goes with the element; a reconnect makes a new one, which attach() finds.
    this.load?.detach();
  }

  /**
   * The `k` nearest stations to a position in the page's `crs`: tiles around it are loaded until
   * the answer is exact. `null` when the element is not in tiled mode.
   */
  findNearest(lng: number, lat: number, k: number, filter?: StationFilter): Promise<NearestResult[]> | null {
    return this.load?.findNearest(lng, lat, k, filter) ?? null;
  }
}

/** One tiled source, from its first tile until the source changes. */
class TiledLoad {
  private readonly abort = new AbortController();
  private readonly source: TileSource;
  private readonly crs: Crs;
  private readonly registry: StationRegistry;
  private info: TileSourceInfo | null = null;
  private readonly cache = new Map<string, CachedTile>();
  /** Tiles that failed after their retries: drawn as nothing, asked again by a later view. */
  private readonly failed = new Set<string>();
  /** Tiles the view needs now, and tiles the last nearest search opened. */
  private wanted = new Set<string>();
  private pinned = new Set<string>();
  /** Stations found through `lookup-url`: kept whatever the cache drops. */
  private readonly looked = new Set<string>();
  private readonly lookedUp = new Set<string>();
  private map: MapController | null = null;
  private clock = 0;
  private reported = false;
  private announced = false;
  private stopped = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the store was last rebuilt for arriving tiles. */
  private refreshedAt = -Infinity;
  private positionSeen: unknown = undefined;
  private filterSeen: unknown = undefined;
  private textSeen = '';
  private searchRun = 0;
  private lookupTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly ready: Promise<TileSourceInfo | null>;
  /** The source itself could not be read (its header, or a tile server's zoom-0 tile). */
  unreadable = false;

  constructor(
    private readonly host: TiledHost,
    private readonly kit: TiledKit,
  ) {
    this.crs = isCrs(host.crs) ? host.crs : 'wgs84';
    this.registry = new StationRegistry(this.crs);
    const stationZoom = readStationZoom(host);
    const head = host.archiveHead?.src === host.src ? host.archiveHead.bytes : null;
    this.source = host.tiles ? templateSource(host.tiles, { stationZoom }) : pmtilesSource(absoluteUrl(host.src!), head);
    // The stations of the source before go (a store set in hostUpdate reaches this render, but not
    // the element's willUpdate, which would clear the map and the selection: done here).
    host.store = null;
    host.errorMessage = null;
    host.mapController?.stations.setIndex(null);
    host.selection.clear({ keepSelected: true });
    // A new source is fitted as a new GeoJSON load is (unless the page set `center`).
    host.viewFitted = false;
    this.ready = this.start();
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    this.detach();
    clearTimeout(this.lookupTimer);
    clearTimeout(this.refreshTimer);
  }

  detach(): void {
    this.map?.map.off('moveend', this.handleMove);
    this.map = null;
  }

  /** Finds the element's map (made after the first render, again after a reconnect). */
  attach(): void {
    const map = this.host.mapController;
    if (map === this.map || this.stopped) return;
    this.detach();
    this.map = map;
    if (!map) return;
    map.map.on('moveend', this.handleMove);
    if (this.info) this.showSource(this.info);
  }

  /** The user's position or the filter changed: find the nearest stations exactly. */
  update(): void {
    const { host } = this;
    const text = host.filter?.text?.trim() ?? '';
    if (text !== this.textSeen) {
      this.textSeen = text;
      clearTimeout(this.lookupTimer);
      if (text && host.lookupUrl) this.lookupTimer = setTimeout(() => void this.lookUp({ q: text }), LOOKUP_DELAY_MS);
    }
    if (host.position === this.positionSeen && host.filter === this.filterSeen) return;
    this.positionSeen = host.position;
    this.filterSeen = host.filter;
    const position = host.position;
    if (!position) return;
    const run = ++this.searchRun;
    void this.nearestAround(position.lng, position.lat, Math.max(host.list.size, host.nearest), null).then(() => {
      if (run === this.searchRun) this.publish();
    });
  }

  async findNearest(lng: number, lat: number, k: number, filter?: StationFilter): Promise<NearestResult[]> {
    const [x, y] = toWgs84([lng, lat], this.crs);
    const results = await this.nearestAround(x, y, k, filter ?? null);
    this.publish();
    return results.map(({ station, distanceMeters }) => ({ station: this.registry.pageStationOf(station.id) ?? station, distanceMeters }));
  }

  // ——— the source ———

  private async start(): Promise<TileSourceInfo | null> {
    const { host } = this;
    let info: TileSourceInfo;
    try {
      info = await withRetries(() => this.source.info(this.abort.signal), { signal: this.abort.signal });
    } catch (error) {
      if (this.stopped) return null;
      this.unreadable = true;
      const message = `Could not read the tiled stations (${host.tiles ?? host.src}): ${String(error)}`;
      host.errorMessage = `${host.strings.errors['fetch-failed']()} ${message}`;
      host.fireError('fetch-failed', message);
      return null;
    }
    if (this.stopped) return null;
    // A tile server says no bounds: the first tiles of the pyramid do.
    if (!info.bbox) info = { ...info, bbox: await boundsFromTiles(info.stationZoom, (keys) => Promise.all(keys.map((key) => this.loadTile(key)))) };
    if (this.stopped) return null;
    this.info = info;
    this.publish();
    if (this.map) this.showSource(info);
    return info;
  }

  /** Fits the view to the source (unless the page set `center`), then loads its tiles. */
  private showSource(info: TileSourceInfo): void {
    const map = this.map!;
    const { host } = this;
    if (!host.viewFitted && !host.center) {
      if (info.bbox) map.fitBBox(info.bbox, { animate: false });
      host.viewFitted = true;
    }
    this.handleMove();
  }

  // ——— tiles of the view ———

  private readonly handleMove = (): void => {
    const map = this.map;
    const info = this.info;
    if (!map || !info || this.stopped) return;
    const z = tileZoomFor(map.map.getZoom(), info.stationZoom);
    const bbox = map.getViewBBox();
    const keys = tilesCovering(bbox, z);
    // A tile of margin around the view, for a pan. Station tiles of a dense city are tens of KB:
    // theirs are fetched once the view's are in, not to share the link with them. Cluster tiles
    // hold 16 features at most: fetched with the view's, in the same requests (coalescedRanges),
    // so the markers at the screen's edges come with the rest.
    const marginLater = z >= info.stationZoom;
    const withMargin = tilesCovering(bbox, z, { margin: 1 });
    const inView = new Set(keys.map(tileId));
    const margin = withMargin.filter((key) => !inView.has(tileId(key)));
    this.wanted = new Set(withMargin.map(tileId));
    // A move left these behind: their requests stop (a nearest search's stay).
    for (const [id, cached] of this.cache) {
      if (!cached.tile && !cached.searched && !this.wanted.has(id) && !this.pinned.has(id)) {
        cached.abort.abort();
        this.cache.delete(id);
      }
    }
    const loadMargin = () => {
      // Unless the view moved on meanwhile (its own move loads its own margin).
      for (const key of margin) if (!this.stopped && this.wanted.has(tileId(key))) void this.loadTile(key).then((tile) => this.queueRefresh(tile));
    };
    const loads = keys.map((key) => this.loadTile(key).then((tile) => this.queueRefresh(tile)));
    if (!marginLater) loadMargin();
    void Promise.all(loads).then(() => {
      // The view is complete: drawn now, not when the throttle next allows.
      if (!this.stopped && keys.length > 0 && this.wanted.has(tileId(keys[0]!))) this.refreshNow();
      if (!this.announced) void this.announceLoad(info);
      if (marginLater) loadMargin();
    });
  };

  /** A tile from the cache or the network (retried twice; a tile that still fails is empty and reported). */
  private loadTile(key: TileKey, options: { searched?: boolean } = {}): Promise<DecodedTile> {
    const id = tileId(key);
    const cached = this.cache.get(id);
    if (cached) {
      cached.used = ++this.clock;
      if (options.searched) cached.searched = true;
      return cached.promise;
    }
    this.failed.delete(id);
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.abort.signal]);
    const entry: CachedTile = {
      tile: null,
      abort,
      searched: options.searched,
      used: ++this.clock,
      // A tile that cannot be decoded fails like one that cannot be fetched.
      promise: withRetries(() => this.source.tile(key, signal), { signal })
        .then((bytes) => (bytes ? decodeStationTile(bytes, key, { jsonFields: this.info?.jsonFields }) : emptyTile(key)))
        .then(
          (tile) => {
            entry.tile = tile;
            this.evict();
            return tile;
          },
          (error: unknown) => {
            if (this.cache.get(id) === entry) this.cache.delete(id); // a later view asks again
            if (signal.aborted) return emptyTile(key);
            this.failed.add(id);
            this.reportFailure(key, error);
            return emptyTile(key);
          },
        ),
    };
    this.cache.set(id, entry);
    return entry.promise;
  }

  /** Drops the least recently used tiles past {@link MAX_TILES}, never the view's or the search's. */
  private evict(): void {
    if (this.cache.size <= MAX_TILES) return;
    const done = [...this.cache].filter(([id, c]) => c.tile && !this.wanted.has(id) && !this.pinned.has(id));
    done.sort((a, b) => a[1].used - b[1].used);
    for (const [id] of done.slice(0, this.cache.size - MAX_TILES)) this.cache.delete(id);
  }

  private reportFailure(key: TileKey, error: unknown): void {
    if (this.reported || this.stopped) return;
    this.reported = true;
    this.host.fireError('tiles-failed', `Station tile ${tileId(key)} could not be loaded after 3 tries (${String(error)}); the stations of other tiles are shown.`);
  }

  /** Fires `stations-load` once, when the first view's tiles are in and drawn. */
  private async announceLoad(info: TileSourceInfo): Promise<void> {
    if (this.announced || this.stopped) return;
    this.announced = true;
    const { host } = this;
    if (!this.publish()) this.map?.stations.redraw();
    await host.updateComplete;
    if (this.stopped) return;
    // `selected` names a station of the first view, or one `lookup-url` finds.
    if (host.selected && host.selection.index < 0) host.selection.selectById(host.selected, 'api');
    const bbox = info.bbox;
    host.dispatch('stations-load', {
      count: info.total,
      skipped: [],
      bbox: bbox ? convertBBoxToPage(bbox, this.crs) : null,
      tiled: true,
    });
  }

  /** New tiles: their stations join the store (at most one rebuild per interval), their clusters are drawn. */
  private queueRefresh(tile: DecodedTile): void {
    if (this.stopped || !this.info) return;
    this.registry.addTile(tile);
    // A rebuild is due already: it takes this tile too.
    if (this.refreshTimer !== undefined) return;
    const wait = Math.max(0, this.refreshedAt + REFRESH_INTERVAL_MS - performance.now());
    this.refreshTimer = setTimeout(() => {
      if (!this.stopped) this.refreshNow();
    }, wait);
  }

  /** Rebuilds now, taking the place of a rebuild the throttle holds back. */
  private refreshNow(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.refreshedAt = performance.now();
    if (!this.publish()) this.map?.stations.redraw();
  }

  /** Sets the element's store to the stations known now, unless it has them already; `true` when it changed. */
  private publish(): boolean {
    const { host, info } = this;
    if (!info || this.stopped) return false;
    const current = host.store as TiledStore | null;
    if (current && current.version === this.registry.changes && 'total' in current) return false;
    if (this.registry.size > MAX_STATIONS) this.compact();
    host.store = this.registry.snapshot({
      stationZoom: info.stationZoom,
      total: info.total,
      bbox: info.bbox,
      tilesFor: (bbox, zoom) => this.tilesFor(bbox, zoom),
      filterTypes: () => host.filter?.types,
      indexColumns: this.kit.indexColumns,
      lookup: host.lookupUrl ? (id, source) => this.lookUpToSelect(id, source) : undefined,
    });
    return true;
  }

  /** Forgets the stations no cached tile holds (the selected one and looked-up ones stay); the selection follows its station. */
  private compact(): void {
    const { host } = this;
    const keep = new Set<string>(this.looked);
    for (const { tile } of this.cache.values()) for (const { station } of tile?.stations ?? []) keep.add(station.id);
    const selectedId = host.selection.id;
    if (selectedId) keep.add(selectedId);
    const moved = this.registry.compact((id) => keep.has(id));
    if (host.selection.index >= 0) host.selection.moveTo(moved[host.selection.index]!);
    host.list.setActive(-1);
  }

  /**
   * The loaded tiles for map zoom `zoom` over `bbox`. Where one is still loading, the part of its
   * nearest loaded ancestor that lies inside it stands in; a tile that failed shows nothing.
   */
  private tilesFor(bbox: ClusterBBox, zoom: number): DecodedTile[] {
    const info = this.info;
    if (!info) return [];
    const found: DecodedTile[] = [];
    for (const key of tilesCovering(bbox, tileZoomFor(zoom, info.stationZoom), { limit: 256 })) {
      if (this.failed.has(tileId(key))) continue;
      for (let z = key.z; z >= 0; z--) {
        const tile = this.cache.get(tileId(ancestorAt(key, z)))?.tile;
        if (!tile) continue;
        found.push(z === key.z ? tile : partInside(tile, key));
        break;
      }
    }
    return found;
  }

  // ——— nearest ———

  /** The exact `k` nearest stations to WGS-84 `(lng, lat)` under the element's filter and `extra`; their tiles join the store. */
  private async nearestAround(lng: number, lat: number, k: number, extra: StationFilter | null) {
    const info = await this.ready;
    if (!info) return [];
    const { host } = this;
    const options = { now: host.now(), timezone: host.timezone, holidays: host.holidays };
    const base = this.kit.createStationFilter(host.filter ?? undefined, options);
    const more = this.kit.createStationFilter(extra ?? undefined, options);
    const accept = base || more ? (s: Station) => (!base || base(s)) && (!more || more(s)) : null;
    const { results, tiles } = await findNearestInTiles(lng, lat, k, {
      stationZoom: info.stationZoom,
      // An archive's directory says which tiles exist: start a few levels down.
      startZoom: this.source.knowsEmptyTiles ? deepStartZoom(info.stationZoom) : undefined,
      bbox: info.bbox,
      accept,
      countKept: (cluster) => Math.min(keptCount(cluster, host.filter?.types), keptCount(cluster, extra?.types)),
      loadTiles: (keys) => Promise.all(keys.map((key) => this.loadTile(key, { searched: true }))),
    });
    this.pinned = new Set(tiles.map(tileId));
    for (const tile of tiles) this.registry.addTile(tile);
    return results;
  }

  // ——— lookups ———

  /** `select(id)` of a station no tile brought yet: look it up, then select it. */
  private lookUpToSelect(id: string, source: Parameters<SelectionController['select']>[1]): boolean {
    if (this.lookedUp.has(`id:${id}`)) return false;
    void this.lookUp({ id }).then(() => {
      if (!this.stopped && this.registry.indexOf(id) !== undefined) this.host.selection.selectById(id, source);
    });
    return true;
  }

  /** Asks `lookup-url` (search text or a station id) and adds what it answers to the store. */
  private async lookUp(query: { q?: string; id?: string }): Promise<void> {
    const { host } = this;
    const template = host.lookupUrl;
    if (!template) return;
    this.lookedUp.add(query.id !== undefined ? `id:${query.id}` : `q:${query.q}`);
    try {
      const response = await fetch(lookupUrlFor(template, query), { signal: this.abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const found = readLookupStations(await response.json(), this.crs);
      if (this.stopped) return;
      for (const { station, lng, lat } of found) {
        this.registry.add(station, lng, lat);
        this.looked.add(station.id);
      }
      this.publish();
      await host.updateComplete;
    } catch (error) {
      if (!this.stopped) host.fireError('fetch-failed', `lookup-url failed: ${String(error)}`);
    }
  }
}

/** The features of `tile` (an ancestor of `key`) whose points lie inside tile `key`. */
function partInside(tile: DecodedTile, key: TileKey): DecodedTile {
  const [west, south, east, north] = tileBounds(key);
  const inside = (p: { lng: number; lat: number }) => p.lng >= west && p.lng < east && p.lat > south && p.lat <= north;
  return { ...tile, clusters: tile.clusters.filter(inside), stations: tile.stations.filter(inside) };
}

/** `url` resolved against the page; as given when it is no URL at all (its fetch then fails and is reported). */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}

/** The page's `station-zoom`: an integer 0–22, else 12 (reported). */
function readStationZoom(host: TiledHost): number {
  const value = host.stationZoom;
  if (value === null || value === undefined || value === '') return DEFAULT_STATION_ZOOM;
  const zoom = Number(value);
  if (Number.isInteger(zoom) && zoom >= 0 && zoom <= 22) return zoom;
  host.fireError('invalid-attribute', `station-zoom ${JSON.stringify(String(value))}: not a whole number in 0–22; using ${DEFAULT_STATION_ZOOM}`);
  return DEFAULT_STATION_ZOOM;
}

