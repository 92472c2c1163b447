/**
 * The list of stations beside the map: nearest first, with distance, type icon and an open badge.
 * It renders at most a few hundred rows (the caller asks the index for k items), never the whole set.
 */
import { html, nothing, svg } from 'lit';
import { getOpenStatus } from '../hours/is-open.js';
import { formatDistance, stationName, typeLabel } from '../i18n/format.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Station } from '../types.js';
import { renderOpenBadge } from './open-badge.js';
import { TYPE_COLORS, typeGlyph } from './icons.js';

/** One row of the list. */
export interface StationListItem {
  index: number;
  station: Station;
  distanceMeters: number;
}

/** What the list needs from the element. */
export interface StationListOptions {
  items: StationListItem[];
  strings: UiStrings;
  lang: UiLang;
  heading: string;
  selectedIndex: number;
  now: Date;
  timezone: string;
  onPick(index: number): void;
  onHover(index: number): void;
}

/** The known type a station's `type` maps to, for class names ('other' when unknown). */
export function typeKey(type: string | undefined): keyof typeof TYPE_COLORS {
  return type && Object.prototype.hasOwnProperty.call(TYPE_COLORS, type) ? (type as keyof typeof TYPE_COLORS) : 'other';
}

/** A round icon in the station type's colour (a class, not a style attribute: strict CSP blocks those). */
export function renderTypeIcon(type: string | undefined) {
  return html`<span class="type-icon type-${typeKey(type)}" aria-hidden="true"
    >${svg`<svg viewBox="0 0 24 24"><path d=${typeGlyph(type)}></path></svg>`}</span
  >`;
}

/** Renders the station list. */
export function renderStationList(options: StationListOptions) {
  const { items, strings: s, lang } = options;
  if (!items.length) return nothing;
  return html`
    <h3 class="list-heading" id="list-heading">${options.heading}</h3>
    <ol class="list" part="list" aria-labelledby="list-heading">
      ${items.map(
        ({ index, station, distanceMeters }) => html`
          <li>
            <button
              class="item"
              part="list-item"
              aria-current=${index === options.selectedIndex ? 'true' : 'false'}
              @click=${() => options.onPick(index)}
              @mouseenter=${() => options.onHover(index)}
              @mouseleave=${() => options.onHover(-1)}
              @focus=${() => options.onHover(index)}
              @blur=${() => options.onHover(-1)}
            >
              ${renderTypeIcon(station.properties.type)}
              <span>
                <span class="name">${stationName(station, lang)}</span>
                <span class="meta">${typeLabel(station.properties.type, s)}</span>
                ${renderOpenBadge(getOpenStatus(station.properties.hours, options.now, options.timezone), s)}
              </span>
              <span class="distance">${formatDistance(distanceMeters, lang)}</span>
            </button>
          </li>
        `,
      )}
    </ol>
  `;
}
