/**
 * The chooser of stations that share one spot: the marker of a building with a 工会驿站 and an
 * 爱心妈咪小屋 opens it, and each station is one row with its type icon. It shows one page of
 * rows at a time, so a spot with twenty thousand stations costs ten rows, not twenty thousand.
 */
import { html, nothing } from 'lit';
import { stationName, typeLabel } from '../i18n/format.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Station } from '../types.js';
import { renderTypeIcon } from './list-rows.js';


export { chooserStyles } from './station-chooser.styles.js';
export { handleChooserKey, placeChooser } from './place-chooser.js';
/** What the chooser needs from the element. */
export interface StationChooserOptions {
  /** Stations at the spot in all. */
  count: number;
  /** Position of the first row shown among them. */
  offset: number;
  pageSize: number;
  /** The rows of this page. */
  items: Array<{ index: number; station: Station }>;
  selectedIndex: number;
  strings: UiStrings;
  lang: UiLang;
  onPick(index: number): void;
  onPage(offset: number): void;
  onClose(): void;
}

/** Renders the chooser (positioned over the map by its controller). */
export function renderStationChooser(options: StationChooserOptions) {
  const { count, offset, pageSize, strings: s, lang } = options;
  const c = s.chooser;
  const number = (n: number) => n.toLocaleString(lang);
  return html`<div class="chooser" part="chooser" role="dialog" aria-labelledby="chooser-title">
    <div class="chooser-head">
      <span id="chooser-title">${c.heading(count)}</span>
      <button class="icon close" part="button" aria-label=${s.actions.close} title=${s.actions.close} @click=${options.onClose}>&#x2715;</button>
    </div>
    <ul>
      ${options.items.map(({ index, station }) => {
        const address = typeof station.properties.address === 'string' ? station.properties.address : '';
        return html`<li>
          <button
            class="choice"
            part="button"
            data-index=${index}
            aria-current=${index === options.selectedIndex ? 'true' : 'false'}
            @click=${() => options.onPick(index)}
          >
            ${renderTypeIcon(station.properties.type)}
            <span class="choice-text"
              ><span class="choice-name">${stationName(station, lang)}</span
              ><span class="meta">${typeLabel(station.properties.type, s)}${address ? ` · ${address}` : ''}</span></span
            >
          </button>
        </li>`;
      })}
    </ul>
    ${count > pageSize
      ? html`<div class="pager">
          <button part="button" ?disabled=${offset === 0} @click=${() => options.onPage(Math.max(0, offset - pageSize))}>${c.previous}</button>
          <span aria-live="polite">${c.page(number(offset + 1), number(Math.min(count, offset + pageSize)), number(count))}</span>
          <button part="button" ?disabled=${offset + pageSize >= count} @click=${() => options.onPage(offset + pageSize)}>${c.next}</button>
        </div>`
      : nothing}
  </div>`;
}
