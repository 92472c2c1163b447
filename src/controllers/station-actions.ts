/**
 * The share and print actions of a station's detail panel, and the cancelable `navigate` event of
 * its hand-off links. Loaded with the detail panel (ui/detail-view.ts), so a first view does not
 * carry them; the print card is a file of its own again, loaded on the first print.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { NavigateDetail } from '../events.js';
import { fromWgs84 } from '../geo/crs/crs.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { LngLat, NavigationLink, Station } from '../types.js';
import { stationLink } from '../ui/station-link.js';

type PrintCardModule = typeof import('../ui/print-card.js');

/** What the controller reads from the element. */
export interface StationActionsHost extends ReactiveControllerHost, HTMLElement {
  shareUrl: string | null;
  readonly shadowRoot: ShadowRoot | null;
}

/** What a share or print needs to know about the selected station. */
export interface StationContext {
  station: Station;
  strings: UiStrings;
  lang: UiLang;
}

export class StationActions implements ReactiveController {
  /** The outcome of the last share of station `id`, shown beside the buttons for a while. */
  private shareStatus: { id: string; outcome: 'copied' | 'failed'; url: string } | null = null;
  private shareTimer: ReturnType<typeof setTimeout> | undefined;
  /** The station whose print card is open. */
  private printing: Station | null = null;
  private printModule: PrintCardModule | null = null;
  private pageSheet: CSSStyleSheet | null = null;

  constructor(private readonly host: StationActionsHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.closePrint();
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
}
