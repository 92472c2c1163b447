/**
 * Everything that takes a station out of the element: the `#station=ID` deep link (read on start
 * and on `hashchange`, written on select), the share action, the printable card and the
 * cancelable `navigate` event before a hand-off to a navigation app. The share and print code is
 * loaded on first use (dynamic `import()`), so a first view pays only for this file.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { NavigateDetail } from '../events.js';
import { fromWgs84 } from '../geo/crs/crs.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { LngLat, NavigationLink, Station } from '../types.js';
import { readStationHash, stationLink, writeStationHash } from '../ui/station-link.js';

type PrintCardModule = typeof import('../ui/print-card.js');

/** What the controller reads from the element. */
export interface StationLinksHost extends ReactiveControllerHost, HTMLElement {
  deepLink: boolean;
  shareUrl: string | null;
  selected: string | null;
  readonly shadowRoot: ShadowRoot | null;
}

/** What a share or print needs to know about the selected station. */
export interface StationContext {
  station: Station;
  strings: UiStrings;
  lang: UiLang;
}

export class StationLinksController implements ReactiveController {
  /** The outcome of the last share of station `id`, shown beside the buttons for a while. */
  private shareStatus: { id: string; outcome: 'copied' | 'failed'; url: string } | null = null;
  private shareTimer: ReturnType<typeof setTimeout> | undefined;
  /** The station whose print card is open. */
  private printing: Station | null = null;
  private printModule: PrintCardModule | null = null;
  private pageSheet: CSSStyleSheet | null = null;
  /** The selection the hash was last written for (`undefined`: deep-link off). */
  private hashFor: string | null | undefined = undefined;

  constructor(private readonly host: StationLinksHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.handleHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    this.closePrint();
  }

  hostUpdated(): void {
    // `selected` follows every selection (and is cleared with it): the hash follows `selected`,
    // when it changes only. Written on every render, a render between the page setting the hash
    // and its `hashchange` would put the old selection back before it was read.
    const selected = this.host.deepLink ? this.host.selected : undefined;
    if (selected === this.hashFor) return;
    this.hashFor = selected;
    if (selected !== undefined) this.writeHash(selected);
  }

  /** Selects the station of the page's `#station=ID` (call when `deep-link` turns on). */
  readHash(): void {
    const id = readStationHash(location.hash);
    if (id) this.host.selected = id;
  }

  /** The link that opens station `id`: `share-url` filled in, or this page with `#station=ID`. */
  linkOf(id: string): string {
    return stationLink(id, { template: this.host.shareUrl, pageUrl: location.href });
  }

  /**
   * Fires the cancelable `navigate` event for a hand-off link; `false` when the page cancelled it
   * (and hands off itself). `wgs84` is the station's position.
   */
  navigate(link: NavigationLink, station: Station, wgs84: LngLat): boolean {
    const gcj02 = fromWgs84(wgs84, 'gcj02');
    const detail: NavigateDetail = {
      app: link.app,
      url: link.url,
      station,
      wgs84: { lng: wgs84[0], lat: wgs84[1] },
      gcj02: { lng: gcj02[0], lat: gcj02[1] },
    };
    return this.host.dispatchEvent(new CustomEvent('navigate', { detail, bubbles: true, composed: true, cancelable: true }));
  }

  /** The share and print buttons of the detail panel, with the outcome of the last share. */
  renderActions(context: StationContext): unknown {
    const { station, strings: s } = context;
    const status = this.shareStatus?.id === station.id ? this.shareStatus : null;
    const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
    return html`<button part="button" class="share" @click=${() => this.share(context)}>
        ${status?.outcome === 'copied' ? s.share.linkCopied : canShare ? s.share.share : s.share.copyLink}
      </button>
      <button part="button" class="print" @click=${() => this.openPrint(station)}>${s.share.print}</button>
      ${status?.outcome === 'failed'
        ? html`<label class="share-fallback">${s.share.copyFailed} <input readonly .value=${status.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} /></label>`
        : nothing}`;
  }

  /** The print card when one is open. */
  renderPrintCard(context: Omit<StationContext, 'station'>): unknown {
    const station = this.printing;
    const module = this.printModule;
    if (!station || !module) return nothing;
    return module.renderPrintCard({
      station,
      link: this.linkOf(station.id),
      strings: context.strings,
      lang: context.lang,
      onPrint: () => window.print(),
      onClose: () => this.closePrint(),
    });
  }

  /** Shares the station's link (share sheet, else clipboard) and shows what happened. */
  async share({ station, strings: s }: StationContext): Promise<void> {
    const url = this.linkOf(station.id);
    const { shareLink } = await import('../ui/share-station.js');
    const name = typeof station.properties.name === 'string' ? station.properties.name : station.id;
    const address = typeof station.properties.address === 'string' ? station.properties.address : undefined;
    const outcome = await shareLink({ title: name, text: s.share.text(name, address), url });
    clearTimeout(this.shareTimer);
    this.shareStatus = outcome === 'copied' || outcome === 'failed' ? { id: station.id, outcome, url } : null;
    if (outcome === 'copied') this.shareTimer = setTimeout(() => ((this.shareStatus = null), this.host.requestUpdate()), 3000);
    this.host.requestUpdate();
  }

  /** Opens the print card of `station` and the browser's print dialog for it. */
  async openPrint(station: Station): Promise<void> {
    const module = (this.printModule ??= await import('../ui/print-card.js'));
    const root = this.host.shadowRoot;
    const sheet = module.printCardStyles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.pageSheet ??= module.createPagePrintSheet();
    if (!document.adoptedStyleSheets.includes(this.pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.pageSheet];
    this.printing = station;
    this.host.setAttribute(module.PRINTING_ATTRIBUTE, '');
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLElement>('.print-tools button')?.focus();
    window.print();
  }

  /** Closes the print card; the page prints as before. */
  closePrint(): void {
    if (!this.printing) return;
    this.printing = null;
    if (this.printModule) this.host.removeAttribute(this.printModule.PRINTING_ATTRIBUTE);
    const sheet = this.pageSheet;
    if (sheet) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    this.host.requestUpdate();
  }

  private readonly handleHashChange = (): void => {
    if (!this.host.deepLink) return;
    const id = readStationHash(location.hash);
    if (id !== this.host.selected) this.host.selected = id;
  };

  private writeHash(id: string | null): void {
    const hash = writeStationHash(location.hash, id);
    if (hash === location.hash || (hash === '' && location.hash === '#')) return;
    // replaceState: a selection is no page of its own, so Back still leaves the page.
    history.replaceState(history.state, '', hash || `${location.pathname}${location.search}`);
  }
}
