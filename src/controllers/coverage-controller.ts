/**
 * The service-circle layer (15分钟服务圈) of `<station-map coverage>`: redrawn for the view a short
 * pause after the map or the data changes, removed when coverage is off or the map zoomed out too
 * far to say anything, and measured on demand for `coverageStats()`.
 *
 * A redraw computes its grid in time slices (`computeCoverageGridSteps` run by `runStepsSliced`),
 * so a dense view or a large path network never blocks the page in one task; a newer redraw
 * abandons the one in progress. `coverageStats()` must answer at once: for the view it reuses the
 * drawn grid when nothing changed since (the legend's figures), else computes the same 128-cell grid.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runStepsSliced } from '../data/build-store-sliced.js';
import type { StationStore } from '../data/station-store.js';
import { StationMapError } from '../errors.js';
import type { CoverageArea } from '../geo/coverage/coverage-mask.js';
import { computeCoverageGrid, computeCoverageGridSteps, type CoverageGrid, type CoverageGridOptions } from '../geo/coverage/coverage-grid.js';
import { computeCoverageStats, coverageStats as computeAreaCoverage } from '../geo/coverage/coverage-stats.js';
import type { BBox } from '../geo/index/neighbor.js';
import { convertAreaToWgs84, convertCoverageToPage } from '../geo/crs/page-crs.js';
import { speedFor } from '../geo/route/speeds.js';
import type { CoverageLayer } from '../map/coverage-layer.js';
import { loadLeaflet } from '../map/leaflet.js';
import type { MapController } from '../map/map-controller.js';
import type { CoverageStats, Crs, TravelMode } from '../types.js';
import type { LoadedNetwork } from './network-controller.js';

/** What the legend shows: the view's coverage, or that the map is zoomed out too far. */
export interface CoverageView {
  stats: CoverageStats | null;
  zoomedOut: boolean;
}

/** What the coverage layer reads from its element, read afresh on every draw. */
export interface CoverageControllerOptions {
  map(): MapController | null;
  store(): StationStore | null;
  /** The element's `coverage` minutes, `null` when off. */
  minutes(): number | null;
  mode(): TravelMode;
  /** The element's `speeds` (metres per second per mode), `null` for the defaults. */
  speeds(): Partial<Record<TravelMode, number>> | null;
  accept(): ((index: number) => boolean) | null;
  /** The loaded path network and its routing code (whose fill finds the graph it built). */
  network(): LoadedNetwork | null;
  crs(): Crs;
  /** The basemap: its coordinate system places the layer on the map. */
  basemap(): string;
  /** The layer was redrawn; `stats` are in the page's `crs`. */
  onChange(stats: CoverageStats): void;
}

/**
 * Cells along the longer side of the view, for the layer and for `coverageStats()` of the view:
 * about 10 px a cell on a 1280 px map.
 */
const VIEW_CELLS = 128;

/** Owns the coverage layer and the legend's state of one `<station-map>`. */
export class CoverageController implements ReactiveController {
  private layer: CoverageLayer | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private currentView: CoverageView | null = null;
  /** The redraw in progress; aborted by the next one or a disconnect. */
  private drawing: AbortController | null = null;
  /** What the layer was last scheduled for (see hostUpdated). */
  private scheduledFor: unknown[] | null = null;
  /** The grid on the map and the inputs it was computed from (see {@link gridInputs}). */
  private drawn: { key: unknown[]; grid: CoverageGrid } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CoverageControllerOptions,
  ) {
    host.addController(this);
  }

  /** The coverage of the current view for the legend; `null` while off. */
  get view(): CoverageView | null {
    return this.currentView;
  }

  /**
   * Redraws when anything it draws from changed, whatever property changed it (a `timezone` or
   * `holidays` change that re-filters "open now" stations too): the element keeps no list of
   * triggers that would have to mirror these options.
   */
  hostUpdated(): void {
    const o = this.options;
    const inputs = [o.minutes(), o.mode(), o.speeds(), o.store(), o.accept(), o.network(), o.crs(), o.basemap(), o.map()];
    const last = this.scheduledFor;
    if (last && inputs.every((value, i) => value === last[i])) return;
    this.scheduledFor = inputs;
    this.schedule();
  }

  hostDisconnected(): void {
    this.scheduledFor = null;
    clearTimeout(this.timer);
    this.drawing?.abort();
    // The map (and the layer on it) is destroyed with the element's map.
    this.layer = null;
    this.drawn = null;
  }

  /** Redraws after the map settles, not on every frame of a pan. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.draw(), 60);
  }

  /**
   * How much of `polygon` (page `crs`), or of the view, lies within the service circle
   * (`coverage` minutes, 15 when off), in the page's `crs`.
   */
  measure(store: StationStore, polygon?: CoverageArea): CoverageStats {
    const { options } = this;
    const crs = options.crs();
    const minutes = options.minutes() ?? 15;
    const mode = options.mode();
    let stats: CoverageStats;
    if (polygon) {
      const network = options.network();
      stats = computeAreaCoverage(store, {
        minutes,
        mode,
        speeds: options.speeds() ?? undefined,
        network: network?.data,
        fillNetwork: network?.routing.fillNetworkMinutesSteps,
        accept: options.accept() ?? undefined,
        area: crs === 'wgs84' ? polygon : convertAreaToWgs84(polygon, crs),
      });
    } else {
      const bbox = options.map()?.getViewBBox() ?? store.bboxOf(options.accept());
      if (!bbox) throw new StationMapError('invalid-features', 'No stations to measure coverage around');
      const { key, options: grid } = this.gridInputs(store, bbox, minutes);
      const drawn = this.drawn && sameKey(this.drawn.key, key) ? this.drawn.grid : null;
      stats = computeCoverageStats(drawn ?? computeCoverageGrid(store, { ...grid, maxMinutes: minutes }), { minutes, mode });
    }
    return convertCoverageToPage(stats, crs);
  }

  /**
   * The grid options of the layer over `bbox` for `minutes` (it computes to twice that, for the
   * shade beyond the circle), and a key of everything they depend on: the same key, the same grid.
   */
  private gridInputs(store: StationStore, bbox: BBox, minutes: number): { key: unknown[]; options: CoverageGridOptions } {
    const { options } = this;
    const network = options.network();
    const speed = speedOf(options.mode(), options.speeds());
    const accept = options.accept() ?? undefined;
    return {
      key: [store, ...bbox, minutes, speed, accept, network],
      options: {
        bbox,
        cellsAcross: VIEW_CELLS,
        speedMetersPerSecond: speed,
        maxMinutes: minutes * 2,
        accept,
        network: network?.data,
        fillNetwork: network?.routing.fillNetworkMinutesSteps,
      },
    };
  }

  private setView(view: CoverageView | null): void {
    if (view === this.currentView) return;
    this.currentView = view;
    this.host.requestUpdate();
  }

  private removeLayer(): void {
    this.layer?.remove();
    this.layer = null;
    this.drawn = null;
  }

  private async draw(): Promise<void> {
    this.drawing?.abort();
    const abort = (this.drawing = new AbortController());
    const { options } = this;
    const map = options.map();
    const store = options.store();
    const minutes = options.minutes();
    if (!minutes || !map || !store) {
      this.removeLayer();
      if (this.currentView) this.setView(null);
      return;
    }
    // Below this zoom a cell is wider than a walking circle: the picture would say nothing.
    const minZoom = options.mode() === 'driving' ? 8 : 10;
    if (map.map.getZoom() < minZoom) {
      this.removeLayer();
      this.setView({ stats: null, zoomedOut: true });
      return;
    }
    // The drawing code loads with the first circle: most pages never turn coverage on.
    const L = await loadLeaflet();
    let createCoverageLayer: typeof import('../map/coverage-layer.js').createCoverageLayer;
    try {
      ({ createCoverageLayer } = await import('../map/coverage-layer.js'));
    } catch {
      // The drawing code could not be loaded (a side file not hosted, offline): no layer, the map works on.
      return;
    }
    if (map !== options.map() || abort.signal.aborted) return;
    const { key, options: gridOptions } = this.gridInputs(store, map.getViewBBox(), minutes);
    let grid: CoverageGrid;
    try {
      grid = await runStepsSliced(computeCoverageGridSteps(store, gridOptions), { signal: abort.signal });
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    }
    if (map !== options.map()) return;
    if (!this.layer) this.layer = createCoverageLayer(L, { map: map.map, minutes });
    this.layer.setMinutes(minutes);
    this.layer.update(grid, (lng, lat) => map.toDisplay(lng, lat));
    this.drawn = { key, grid };
    const stats = computeCoverageStats(grid, { minutes, mode: options.mode() });
    this.setView({ stats, zoomedOut: false });
    options.onChange(convertCoverageToPage(stats, options.crs()));
  }
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** The speed of `mode`: the page's when it is usable (see `isUsableSpeed`), else the default. */
function speedOf(mode: TravelMode, speeds: Partial<Record<TravelMode, number>> | null): number {
  return speedFor(mode, speeds);
}
