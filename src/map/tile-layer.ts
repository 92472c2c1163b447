/**
 * Basemap tiles: one `<img>` per 256 px Web Mercator tile in the map's tile pane, a container per
 * tile zoom, scaled with the zoom animation and kept under the new zoom's tiles until those are in.
 *
 * Why not Leaflet's GridLayer and TileLayer: ~2.9 KB gzip of the script-tag bundle's 80 KB, most
 * of it for what the element never asks of them (bounds and noWrap, TMS, retina and zoom-offset
 * options, other tile sizes and coordinate systems, z-index and opacity control, a script-driven
 * fade). What is left is this: the same placement arithmetic as GridLayer, in about 1 KB. Three
 * differences, on purpose: past the tiles' `maxZoom` the last level is scaled up (Leaflet drew
 * nothing), a jump (`viewreset`) re-places the loaded tiles instead of dropping them, and a tile
 * shows when it is in rather than fading in frame by frame (less work for a cheap phone).
 */
import type * as Lf from 'leaflet';
import type { Leaflet } from './leaflet.js';
import { newPixelOrigin, targetZoom } from './leaflet-internals.js';
import { tileUrl } from './tile-url.js';

const SIZE = 256;
/** Tiles kept beyond each edge of the view, so a short pan back finds them loaded. */
const KEEP = 2;
/** While the map is dragged, new tiles are asked for at most this often (ms). */
const MOVE_INTERVAL = 200;

/** What `TileLayer` shows: a `{z}/{x}/{y}` template, its `{s}` hosts and its deepest zoom. */
export interface TileSource {
  url: string;
  subdomains?: string;
  maxZoom: number;
}

interface Tile {
  img: HTMLImageElement;
  /** Loaded or failed. */
  done: boolean;
  /** In the view or within KEEP tiles of it at the last update. */
  near: boolean;
}

interface Level {
  el: HTMLElement;
  z: number;
  /** The map's pixel origin when the level was made, projected at `z`: tiles are placed from it. */
  origin: Lf.Point;
  tiles: Map<string, Tile>;
}

/** The tiles of one basemap layer on one map. */
export class TileLayer {
  private readonly container: HTMLElement;
  private readonly levels = new Map<number, Level>();
  private level: Level | undefined;
  private lastMove = 0;
  private readonly events: Record<string, (event: Lf.LeafletEvent & Partial<Lf.ZoomAnimEvent> & { pinch?: boolean }) => void>;
  /** Touch screens (phones on mobile data) ask for tiles once a pan ends, as Leaflet does on mobile. */
  private readonly idleOnly = matchMedia('(pointer: coarse)').matches;

  /**
   * @param onTile called once per tile with `true` when it loaded, `false` when it failed.
   */
  constructor(
    private readonly L: Leaflet,
    private readonly map: Lf.Map,
    private readonly source: TileSource,
    private readonly onTile: (loaded: boolean) => void,
  ) {
    this.container = L.DomUtil.create('div', 'leaflet-layer', map.getPane('tilePane'));
    this.events = {
      viewreset: () => this.setView(map.getCenter(), map.getZoom()),
      // Pinching: keep every level until the fingers lift.
      zoom: (event) => this.setView(map.getCenter(), map.getZoom(), event.pinch),
      // The zoom animation: the levels scale along with it, and the new zoom's tiles start loading.
      zoomanim: (event) => this.setView(event.center!, event.zoom!, true),
      move: () => {
        const now = performance.now();
        if (this.idleOnly || now - this.lastMove < MOVE_INTERVAL) return;
        this.lastMove = now;
        this.update(map.getCenter());
      },
      moveend: () => {
        this.update(map.getCenter());
        this.prune();
      },
    };
    map.on(this.events);
    this.setView(map.getCenter(), map.getZoom());
  }

  /** Takes the tiles off the map and stops their downloads. */
  remove(): void {
    this.map.off(this.events);
    for (const level of this.levels.values()) this.dropLevel(level);
    this.container.remove();
  }

  private setView(center: Lf.LatLng, zoom: number, keep = false): void {
    const map = this.map;
    const z = Math.max(0, Math.min(Math.round(zoom), this.source.maxZoom));
    if (this.level?.z !== z) {
      let level = this.levels.get(z);
      if (!level) {
        level = {
          el: this.L.DomUtil.create('div', 'leaflet-tile-container leaflet-zoom-animated', this.container),
          z,
          origin: map.project(map.unproject(map.getPixelOrigin()), z).round(),
          tiles: new Map(),
        };
        this.levels.set(z, level);
      }
      this.level = level;
      // Downloads for other zooms give way to this one's (Leaflet's TileLayer aborts them too).
      for (const other of this.levels.values()) if (other !== level) dropTiles(other, (tile) => !tile.done);
      // The current zoom on top, then the nearest ones: they are the sharpest stand-ins.
      for (const other of this.levels.values()) other.el.style.zIndex = String(99 - Math.abs(other.z - z));
    }
    this.update(center);
    if (!keep) this.prune();
    const pixelOrigin = newPixelOrigin(map, center, zoom);
    for (const level of this.levels.values()) {
      const scale = map.getZoomScale(zoom, level.z);
      this.L.DomUtil.setTransform(level.el, level.origin.multiplyBy(scale).subtract(pixelOrigin).round(), scale);
    }
  }

  /** Marks the tiles near the view and asks for the missing ones in it, nearest to the centre first. */
  private update(center: Lf.LatLng): void {
    const map = this.map;
    const level = this.level;
    if (!level) return;
    const { z, tiles } = level;
    const zoom = targetZoom(map);
    const middle = map.project(center, z).floor();
    const half = map.getSize().divideBy(map.getZoomScale(zoom, z) * 2);
    const min = middle.subtract(half).divideBy(SIZE).floor();
    const max = middle.add(half).divideBy(SIZE).ceil().subtract([1, 1]);
    if (![min.x, min.y, max.x, max.y].every(Number.isFinite)) return;
    for (const [key, tile] of tiles) {
      const [x, y] = key.split(':').map(Number) as [number, number];
      tile.near = x >= min.x - KEEP && x <= max.x + KEEP && y >= min.y - KEEP && y <= max.y + KEEP;
    }
    const missing: [number, number][] = [];
    for (let y = Math.max(min.y, 0); y <= Math.min(max.y, 2 ** z - 1); y++) {
      for (let x = min.x; x <= max.x; x++) if (!tiles.has(`${x}:${y}`)) missing.push([x, y]);
    }
    const mid = middle.divideBy(SIZE);
    missing.sort((a, b) => Math.hypot(a[0] - mid.x, a[1] - mid.y) - Math.hypot(b[0] - mid.x, b[1] - mid.y));
    for (const [x, y] of missing) this.addTile(level, x, y);
  }

  private addTile(level: Level, x: number, y: number): void {
    const img = this.L.DomUtil.create('img', 'leaflet-tile', level.el) as HTMLImageElement;
    const tile: Tile = { img, done: false, near: true };
    img.alt = '';
    img.setAttribute('role', 'presentation');
    img.style.width = img.style.height = `${SIZE}px`;
    this.L.DomUtil.setPosition(img, this.L.point(x * SIZE, y * SIZE).subtract(level.origin));
    img.onload = img.onerror = (event) => {
      const loaded = (event as Event).type === 'load';
      tile.done = true;
      img.onload = img.onerror = null;
      // Leaflet's CSS shows a tile (and fades it in) once it has this class; a failed one stays hidden.
      if (loaded) img.classList.add('leaflet-tile-loaded');
      this.onTile(loaded);
      if (level === this.level) this.prune();
    };
    level.tiles.set(`${x}:${y}`, tile);
    img.src = tileUrl(this.source.url, x, y, level.z, this.source.subdomains);
  }

  /**
   * Drops the current zoom's tiles that left the view, and the other zooms' levels once every tile
   * near the view at the current zoom is in (until then they fill its gaps).
   */
  private prune(): void {
    const level = this.level;
    if (!level) return;
    dropTiles(level, (tile) => !tile.near);
    if ([...level.tiles.values()].some((tile) => !tile.done)) return;
    for (const other of this.levels.values()) if (other !== level) this.dropLevel(other);
  }

  private dropLevel(level: Level): void {
    level.tiles.forEach(dropTile);
    level.el.remove();
    this.levels.delete(level.z);
  }
}

/** Removes the tiles of `level` that `which` picks. */
function dropTiles(level: Level, which: (tile: Tile) => boolean): void {
  for (const [key, tile] of level.tiles) {
    if (which(tile)) {
      dropTile(tile);
      level.tiles.delete(key);
    }
  }
}

/** Removes a tile; one still loading stops downloading (and reports nothing). */
function dropTile({ img, done }: Tile): void {
  img.onload = img.onerror = null;
  if (!done) img.removeAttribute('src');
  img.remove();
}
