/**
 * The printable card of one station, the sheet a union posts at the station's door: name,
 * code, type, address, hours, services, phone and a QR code of the station's link. Shown over
 * the element as a preview; while it is open the host page prints this card alone (A5 by
 * default, fits A4). Loaded on the first "print", with its styles, so a first view pays nothing.
 */
import { css, html, nothing, svg } from 'lit';
import { serviceLabel, stationName, typeLabel } from '../i18n/format.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Station } from '../types.js';
import { qrPath } from './qr-path.js';
import { renderTypeIcon } from './list-rows.js';

/**
 * The attribute the element carries while its card is open: the page's print rules key on it
 * (spelled out in `printCardStyles` too, where the HTML-literal minifier takes no expressions).
 */
export const PRINTING_ATTRIBUTE = 'data-station-map-printing';

/** What the card needs from the element. */
export interface PrintCardOptions {
  station: Station;
  /** The station's shareable link, encoded in the QR code. */
  link: string;
  strings: UiStrings;
  lang: UiLang;
  onPrint(): void;
  onClose(): void;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : typeof value === 'number' ? String(value) : undefined;

/** Renders the card with its preview tools (hidden on paper). */
export function renderPrintCard(options: PrintCardOptions) {
  const { station, strings: s, lang } = options;
  const p = station.properties;
  const services = Array.isArray(p.services) ? p.services.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  const qr = qrPath(options.link);
  const row = (label: string, value: string | undefined) => (value === undefined ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
  return html`<div class="print-card" part="print-card" role="dialog" aria-label=${s.share.printView}>
    <div class="print-tools">
      <button class="primary" part="button" @click=${options.onPrint}>${s.share.print}</button>
      <button part="button" @click=${options.onClose}>${s.actions.close}</button>
    </div>
    <article class="card">
      <header>
        ${renderTypeIcon(p.type)}
        <div>
          <h2>${stationName(station, lang)}</h2>
          <div class="card-type">${typeLabel(p.type, s)}</div>
        </div>
      </header>
      <div class="card-body">
        <dl>
          ${row(s.labels.code, station.id)}
          ${row(s.labels.address, text(p.address))}
          ${row(s.labels.hours, text(p.hours))}
          ${row(s.labels.phone, text(p.phone))}
          ${services.length ? row(s.labels.services, services.map((v) => serviceLabel(v, s)).join('、')) : nothing}
        </dl>
        ${qr
          ? html`<figure class="card-qr">
              ${svg`<svg viewBox="-4 -4 ${qr.size + 8} ${qr.size + 8}" role="img" aria-label=${s.share.qr} shape-rendering="crispEdges"
                ><rect x="-4" y="-4" width=${qr.size + 8} height=${qr.size + 8} fill="#fff"></rect><path d=${qr.d} fill="#000"></path
              ></svg>`}
              <figcaption>${s.share.qr}</figcaption>
            </figure>`
          : nothing}
      </div>
      <p class="card-link">${options.link}</p>
    </article>
  </div>`;
}

/** The card's styles, added to the element's shadow root when the card first opens. */
export const printCardStyles = css`
  .print-card {
    position: absolute;
    inset: 0;
    z-index: 2000;
    overflow: auto;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 10px;
    padding: 12px;
    background: rgb(0 0 0 / 0.5);
  }
  .print-tools {
    display: flex;
    gap: 8px;
  }
  .card {
    width: min(148mm, 100%);
    padding: 8mm;
    border-radius: 6px;
    background: #fff;
    color: #000;
    font-size: 13pt;
  }
  .card header {
    display: flex;
    gap: 12px;
    align-items: center;
    padding-bottom: 4mm;
    border-bottom: 2px solid #c8102e;
  }
  .card header .type-icon {
    width: 44px;
    height: 44px;
  }
  .card h2 {
    margin: 0;
    font-size: 20pt;
    line-height: 1.2;
  }
  .card-type {
    color: #444;
  }
  .card-body {
    display: flex;
    flex-wrap: wrap;
    gap: 6mm;
    align-items: flex-start;
    margin-top: 5mm;
  }
  .card dl {
    flex: 1 1 60mm;
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 2mm 4mm;
    margin: 0;
  }
  .card dt {
    color: #444;
  }
  .card dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .card-qr {
    flex: 0 0 38mm;
    margin: 0;
    text-align: center;
    font-size: 9pt;
  }
  .card-qr svg {
    display: block;
    width: 38mm;
    height: 38mm;
  }
  .card-link {
    margin: 5mm 0 0;
    font-size: 9pt;
    color: #444;
    overflow-wrap: anywhere;
  }
  @media print {
    :host([data-station-map-printing]) {
      height: auto !important;
      min-height: 0 !important;
      border: 0 !important;
      overflow: visible !important;
      background: #fff !important;
    }
    :host([data-station-map-printing]) .layout,
    :host([data-station-map-printing]) .visually-hidden,
    .print-tools {
      display: none !important;
    }
    .print-card {
      position: static;
      padding: 0;
      background: none;
      overflow: visible;
    }
    .card {
      width: 100%;
      padding: 0;
      border-radius: 0;
    }
  }
`;

/**
 * The page-wide print rules while a card is open: only the element prints, on an A5 sheet.
 * A constructed sheet on the document (no `<style>` element, which a strict CSP could block).
 */
export function createPagePrintSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
  @page { size: A5; margin: 10mm; }
  body > :not(:has([${PRINTING_ATTRIBUTE}])):not([${PRINTING_ATTRIBUTE}]) { display: none !important; }
  body * { visibility: hidden !important; }
  [${PRINTING_ATTRIBUTE}], [${PRINTING_ATTRIBUTE}] * { visibility: visible !important; }
  [${PRINTING_ATTRIBUTE}] { position: absolute !important; inset: 0 auto auto 0 !important; width: 100% !important; margin: 0 !important; }
}`);
  return sheet;
}
