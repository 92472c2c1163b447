/**
 * The service-circle layer (15分钟服务圈) of `<station-map coverage>`: redrawn for the view a short
 * pause after the map or the data changes, removed when coverage is off or the map zoomed out too
 * far to say anything, and measured on demand for `coverageStats()`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StationStore } from '../data/station-store.js';
import { StationMapError } from '../errors.js';
import type { CoverageArea } from '../geo/coverage/coverage-mask.js';
import { computeCoverageGrid } from '../geo/coverage/coverage-grid.js';
import { computeCoverageStats, coverageStats as computeAreaCoverage } from '../geo/coverage/coverage-stats.js';
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
  /** The layer was redrawn; `stats` are in the page's `crs`. */
  onChange(stats: CoverageStats): void;
}

/** Owns the coverage layer and the legend's state of one `<station-map>`. */
export class CoverageController implements ReactiveController {
  private layer: CoverageLayer | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private currentView: CoverageView | null = null;

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

  hostDisconnected(): void {
    clearTimeout(this.timer);
    // The map (and the layer on it) is destroyed with the element's map.
    this.layer = null;
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
    const accept = options.accept();
    const network = options.network();
    const common = {
      minutes: options.minutes() ?? 15,
      mode: options.mode(),
      speeds: options.speeds() ?? undefined,
      network: network?.data,
      fillNetwork: network?.routing.fillNetworkMinutes,
      accept: accept ?? undefined,
    };
    let stats: CoverageStats;
    if (polygon) {
      stats = computeAreaCoverage(store, { ...common, area: crs === 'wgs84' ? polygon : convertAreaToWgs84(polygon, crs) });
    } else {
      const bbox = options.map()?.getViewBBox() ?? store.bboxOf(accept);
      if (!bbox) throw new StationMapError('invalid-features', 'No stations to measure coverage around');
      stats = computeAreaCoverage(store, { ...common, bbox });
    }
    return convertCoverageToPage(stats, crs);
  }

  private setView(view: CoverageView | null): void {
    if (view === this.currentView) return;
    this.currentView = view;
    this.host.requestUpdate();
  }

  private removeLayer(): void {
    this.layer?.remove();
    this.layer = null;
  }

  private async draw(): Promise<void> {
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
    if (map !== options.map()) return;
    if (!this.layer) this.layer = createCoverageLayer(L, { map: map.map, minutes });
    this.layer.setMinutes(minutes);
    const mode = options.mode();
    const grid = computeCoverageGrid(store, {
      bbox: map.getViewBBox(),
      cellsAcross: 128,
      speedMetersPerSecond: speedOf(mode, options.speeds()),
      maxMinutes: minutes * 2,
      accept: options.accept() ?? undefined,
      network: options.network()?.data,
      fillNetwork: options.network()?.routing.fillNetworkMinutes,
    });
    this.layer.update(grid, (lng, lat) => map.toDisplay(lng, lat));
    const stats = computeCoverageStats(grid, { minutes, mode });
    this.setView({ stats, zoomedOut: false });
    options.onChange(convertCoverageToPage(stats, options.crs()));
  }
}

/** The speed of `mode`: the page's when it is usable (see `isUsableSpeed`), else the default. */
function speedOf(mode: TravelMode, speeds: Partial<Record<TravelMode, number>> | null): number {
  return speedFor(mode, speeds);
}
