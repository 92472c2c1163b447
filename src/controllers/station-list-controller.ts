/**
 * The side list of `<station-map>`: where it is centred (the user's position, else the map's
 * centre), how many rows it shows ("show more" pages, reset by a new filter), which row takes Tab
 * focus, whether a large load holds it back until its kd-tree is built, and the DOM work of
 * scrolling and focusing rows. It reads what it depends on from the element through its options
 * and notices their changes itself (hostUpdate), so the element keeps no list of triggers for it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StationStore } from '../data/station-store.js';
import type { LngLat, TravelMode } from '../types.js';
import { NearestList, type ListItem } from './nearest-list.js';
import type { LoadedNetwork } from './network-controller.js';

/** Most rows the list ever asks for. */
const MAX_ROWS = 500;
/** Rows around the map centre when the user's position is unknown. */
const ROWS_AROUND_CENTRE = 50;
/** Rows a "show more" adds. */
const PAGE_ROWS = 50;
/** Rows of a list's first paint (a screenful on a desktop panel); as many more follow each frame. */
const FIRST_ROWS = 12;
/**
 * Most a step waits for a frame in a visible page (a hidden one gets no frames and does not wait).
 * Well above a slow frame: a cheap phone's first frame of a few hundred pins can take 150 ms, and
 * a shorter wait showed the list before the pins had painted.
 */
const FRAME_WAIT_MS = 1000;

/** What the list reads from its element. */
export interface StationListOptions {
  store(): StationStore | null;
  /** The user's position (WGS-84), or `null`: the list then follows the map's centre. */
  position(): LngLat | null;
  /** The element's `nearest`: rows from a known position. */
  nearest(): number;
  accept(): ((index: number) => boolean) | null;
  /** The loaded path network: from a known position the list ranks by path along it. */
  network(): LoadedNetwork | null;
  mode(): TravelMode;
  /** The element's filter: a new one starts the list again at its first page. */
  filter(): unknown;
}

/** Owns the side list of one `<station-map>`. */
export class StationListController implements ReactiveController {
  private center: LngLat | null = null;
  /** Rows added by "show more". */
  private extra = 0;
  /** The row that takes Tab focus (`-1`: the selected one, else the first). */
  private active = -1;
  /** A large load whose list waits for its kd-tree, so its clusters paint first. */
  private heldFor: StationStore | null = null;
  /** The held list waits for the paint steps of {@link showAfterPaint}, not for the kd-tree. */
  private heldForPaint = false;
  private filterSeen: unknown = undefined;
  /** Most rows while a list is shown in steps (see {@link showAfterPaint}). */
  private rowLimit = Number.POSITIVE_INFINITY;
  /** Counts the lists shown in steps: a newer one ends the steps of the one before. */
  private stepRuns = 0;
  /** The steps of {@link showAfterPaint} still to come. */
  private stepping: Promise<void> | null = null;
  private readonly rows = new NearestList();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: ParentNode },
    private readonly options: StationListOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const filter = this.options.filter();
    if (filter !== this.filterSeen) {
      this.filterSeen = filter;
      this.extra = 0;
    }
  }

  /** The rows: nearest to the user (by path when a network is loaded) or to the map centre; none while held. */
  get items(): ListItem[] {
    const { options } = this;
    const store = options.store();
    if (store && this.heldFor === store) return [];
    const position = options.position();
    return this.rows.itemsFor({
      store,
      center: this.center,
      k: this.size,
      accept: options.accept(),
      // Paths rank the list only from a known position, not from wherever the map is.
      network: position ? options.network() : null,
      mode: options.mode(),
    });
  }

  /** Rows shown: those asked for, fewer while the list is shown in steps. */
  get size(): number {
    return Math.min(this.rowsAsked, this.rowLimit);
  }

  /** Rows asked for: `nearest` (or 50 around the map centre), plus "show more" pages. */
  private get rowsAsked(): number {
    return Math.max(1, Math.min((this.options.position() ? this.options.nearest() : ROWS_AROUND_CENTRE) + this.extra, MAX_ROWS));
  }

  /** Whether a "show more" would find more rows. */
  hasMore(items: readonly ListItem[]): boolean {
    return this.rowLimit === Number.POSITIVE_INFINITY && items.length >= this.size && this.size < MAX_ROWS;
  }

  /** Adds a page of rows. */
  showMore(): void {
    this.extra += PAGE_ROWS;
    this.host.requestUpdate();
  }

  /** Whether the list of `store` waits for its kd-tree. */
  isHeld(store: StationStore | null): boolean {
    return store !== null && this.heldFor === store;
  }

  /** Holds the list of `store` back until {@link release}. */
  hold(store: StationStore): void {
    this.heldFor = store;
    this.heldForPaint = false;
    // Steps of an earlier list end here: this one shows all its rows, or steps them itself.
    this.stepRuns++;
    this.rowLimit = Number.POSITIVE_INFINITY;
    this.host.requestUpdate();
  }

  /** Shows the list of `store` (its kd-tree is built). */
  release(store: StationStore): void {
    if (this.heldFor !== store || this.heldForPaint) return;
    this.heldFor = null;
    this.host.requestUpdate();
  }

  /**
   * Shows the list of a new `store` in steps, each a task of its own: none until the map's
   * clusters have painted, then a screenful of rows, then as many more each frame until all are
   * in. On a slow phone the pins, the first rows and fifty rows of text to lay out were one long
   * task (~500 ms at 4× CPU for 400 stations), and the pins waited for all of it; the other 38
   * rows in one step were still a task of ~130 ms.
   */
  showAfterPaint(store: StationStore): void {
    this.hold(store);
    this.heldForPaint = true;
    const run = this.stepRuns;
    const steps = (async () => {
      await nextFrame();
      if (this.heldFor !== store) return; // a newer load holds its own list
      this.heldFor = null;
      this.heldForPaint = false;
      // No step beyond the stations there are: a dozen stations show at once, with no frames to wait.
      for (let rows = FIRST_ROWS; rows < Math.min(this.rowsAsked, store.size); rows += FIRST_ROWS) {
        this.rowLimit = rows;
        this.host.requestUpdate();
        await nextFrame();
        if (run !== this.stepRuns) return; // a newer list ended these steps
      }
      this.rowLimit = Number.POSITIVE_INFINITY;
      this.host.requestUpdate();
    })();
    this.stepping = steps;
    void steps.finally(() => {
      if (this.stepping === steps) this.stepping = null;
    });
  }

  /** Waits for the steps of {@link showAfterPaint}; `false` when none were running. */
  async settle(): Promise<boolean> {
    if (!this.stepping) return false;
    await this.stepping;
    return true;
  }

  /** Centres the list on a new position of the user. */
  centerOn(center: LngLat): void {
    this.center = center;
    this.host.requestUpdate();
  }

  /** The map moved: the list follows its centre unless the user's position is known. */
  followMap(center: LngLat | null): void {
    if (this.options.position()) return;
    this.center = center;
    this.host.requestUpdate();
  }

  /** The row that takes Tab focus, given the selected station's. */
  activeIndex(selectedIndex: number): number {
    return this.active >= 0 ? this.active : selectedIndex;
  }

  /** A row got focus: it takes Tab focus from now on. */
  setActive(index: number): void {
    this.active = index;
    this.host.requestUpdate();
  }

  /** Scrolls the list (not the page) so the row of station `index` is in view. */
  scrollTo(index: number): void {
    const root = this.host.renderRoot;
    const row = root.querySelector<HTMLElement>(`.list-view button.item[data-index="${index}"]`);
    const box = root.querySelector<HTMLElement>('.scroll');
    if (!row || !box || !row.offsetParent) return;
    const top = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - (box.clientHeight - row.offsetHeight) / 2);
    }
  }

  /** Focuses the first place result, else the first row. */
  focusPlaceOrRow(): void {
    const place = this.host.renderRoot.querySelector<HTMLButtonElement>('.list-view button.place');
    if (place) place.focus();
    else this.focusRow(0);
  }

  /** Focuses row `position` (the last one when there are fewer). */
  focusRow(position: number): void {
    const rows = this.host.renderRoot.querySelectorAll<HTMLButtonElement>('.list-view button.item');
    rows[Math.min(position, rows.length - 1)]?.focus();
  }
}

/**
 * Resolves in a task once the next frame has painted and the one after it has begun; at once (in a
 * task) in a hidden page, which gets no frames, and after {@link FRAME_WAIT_MS} if frames stop.
 * One frame is not enough: work queued from the first frame's callback runs before the paint's
 * own follow-up tasks.
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return go();
    requestAnimationFrame(() => requestAnimationFrame(go));
    setTimeout(go, FRAME_WAIT_MS);
  });
}
