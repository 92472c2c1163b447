/**
 * Owns the chooser of stations that share one marker: which spot it is open for, which page it
 * shows, where it sits over the map, and where focus goes when it closes. The map layer decides
 * when a marker opens it (see StationLayer); the element only renders it.
 */
import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import type { StationStore } from '../data/station-store.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { StationGroup } from '../map/station-layer.js';
import { LazyModule } from './lazy-module.js';

/** Rows per page: enough for any building, few enough for a phone screen. */
const PAGE_SIZE = 8;

/** What the chooser asks of the element when it renders. */
export interface StationChooserContext {
  store: StationStore | null;
  strings: UiStrings;
  lang: UiLang;
  selectedIndex: number;
  onPick(index: number): void;
}

export class StationChooserController implements ReactiveController {
  private group: StationGroup | null = null;
  private offset = 0;
  private focusFirst = false;
  /** The chooser's template: loaded on first use, like the detail panel (few pages have such spots). */
  readonly view: LazyModule<typeof import('../ui/station-chooser.js')>;

  /** @param addStyles Adopts the chooser's styles into the host's shadow root when its module loads. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode },
    addStyles: (styles: CSSResult) => void,
  ) {
    host.addController(this);
    this.view = new LazyModule(host, () => import('../ui/station-chooser.js'), (module) => addStyles(module.chooserStyles));
  }

  /** Whether a chooser is shown. */
  get isOpen(): boolean {
    return this.group !== null;
  }

  /** Shows the chooser of `group`, its first page, with focus on its first row; `null` closes it. */
  open(group: StationGroup | null): void {
    if (!group) return this.close();
    this.group = group;
    this.offset = 0;
    this.focusFirst = true;
    this.host.requestUpdate();
  }

  /** Closes the chooser; `restoreFocus` puts focus back on the marker that opened it. */
  close(options: { restoreFocus?: boolean } = {}): void {
    const group = this.group;
    if (!group) return;
    this.group = null;
    this.host.requestUpdate();
    if (options.restoreFocus && group.marker.isConnected) group.marker.focus({ preventScroll: true });
  }

  hostUpdated(): void {
    // Only a rendered chooser asks for the module (get() would start loading it): it is in then.
    const chooser = this.group && this.host.renderRoot.querySelector<HTMLElement>('.chooser');
    const view = chooser && this.view.get();
    if (!chooser || !view) return;
    view.placeChooser(chooser, this.group!, this.focusFirst);
    this.focusFirst = false;
  }

  hostDisconnected(): void {
    this.group = null;
  }

  /** The chooser, or nothing when closed. */
  render(context: StationChooserContext): unknown {
    const group = this.group;
    const store = context.store;
    const view = group && store ? this.view.get() : null;
    if (!group || !store || !view) return null;
    const indexes = group.stations(this.offset, PAGE_SIZE).filter((i) => i >= 0 && i < store.size);
    return view.renderStationChooser({
      count: group.count,
      offset: this.offset,
      pageSize: PAGE_SIZE,
      items: indexes.map((index) => ({ index, station: store.station(index) })),
      selectedIndex: context.selectedIndex,
      strings: context.strings,
      lang: context.lang,
      onPick: (index) => {
        this.close();
        context.onPick(index);
      },
      onPage: (offset) => {
        this.offset = offset;
        this.focusFirst = true;
        this.host.requestUpdate();
      },
      onClose: () => this.close({ restoreFocus: true }),
    });
  }

  /**
   * Keys inside the chooser: Escape closes it (focus back on the marker), arrows move between rows.
   * Returns true when the key was handled.
   */
  handleKeydown(event: KeyboardEvent): boolean {
    const view = this.group && this.view.get();
    return !!view && view.handleChooserKey(event, () => this.close({ restoreFocus: true }));
  }
}
