/**
 * The list of stations beside the map: nearest first, with distance, type icon and an open badge.
 * It renders at most a few hundred rows (the caller asks the index for k items), never the whole set.
 */
import { html, nothing, svg } from 'lit';
import type { HolidayCalendar } from '../hours/holiday-calendar.js';
import { getOpenStatus } from '../hours/is-open.js';
import { renderHeading } from './heading.js';
import { repeat } from 'lit/directives/repeat.js';
import { formatDistance, serviceLabel, stationName, typeLabel } from '../i18n/format.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Station } from '../types.js';
import { clipText } from './clip-text.js';
import { renderOpenBadge } from './open-badge.js';
import { TYPE_COLORS, serviceGlyph, typeGlyph } from '../icons/station-icons.js';

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
  /** The row that takes Tab focus (roving tabindex): the selected one, else the first. */
  activeIndex: number;
  now: Date;
  timezone: string;
  /** Level of the list's heading (the element's `heading-level`, default 2). */
  headingLevel?: number;
  /** Dates added to China's holiday calendar (the element's `holidays`). */
  holidays?: HolidayCalendar | null;
  /** True when a filter is on, so an empty list says why. */
  filtering: boolean;
  /**
   * Show each row's distance. Off while the user's position is unknown: a distance from the map
   * centre would read as "how far from me" (default true).
   */
  showDistance?: boolean;
  /** Offer "show more" under the list. */
  hasMore: boolean;
  onPick(index: number): void;
  onHover(index: number): void;
  onFocusItem(index: number): void;
  onShowMore(): void;
  /** Arrow up from the first row: back to the search box. */
  onExitTop(): void;
}

/** The known type a station's `type` maps to, for class names ('other' when unknown). */
export function typeKey(type: string | undefined): keyof typeof TYPE_COLORS {
  return type && Object.prototype.hasOwnProperty.call(TYPE_COLORS, type) ? (type as keyof typeof TYPE_COLORS) : 'other';
}

/** A round icon in the station type's colour (a class, not a style attribute: strict CSP blocks those). */
export function renderTypeIcon(type: string | undefined) {
  return html`<span class="type-icon type-${typeKey(type)}" aria-hidden="true"
    >${svg`<svg viewBox="0 0 24 24"><path fill-rule="evenodd" d=${typeGlyph(type)}></path></svg>`}</span
  >`;
}

/**
 * Arrow keys move between rows (Home/End to the ends), so the list is one Tab stop, not fifty.
 * Enter and Space are the buttons' own.
 */
function handleListKeydown(event: KeyboardEvent, onExitTop: () => void): void {
  const list = event.currentTarget as HTMLElement;
  const rows = Array.from(list.querySelectorAll<HTMLButtonElement>('button.item'));
  const at = rows.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  let next: number;
  if (event.key === 'ArrowDown') next = Math.min(at + 1, rows.length - 1);
  else if (event.key === 'ArrowUp') {
    if (at === 0) {
      event.preventDefault();
      onExitTop();
      return;
    }
    next = at - 1;
  } else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = rows.length - 1;
  else return;
  event.preventDefault();
  rows[next]!.focus();
  rows[next]!.scrollIntoView({ block: 'nearest' });
}

/** Renders the station list, or why it is empty. */
export function renderStationList(options: StationListOptions) {
  const { items, strings: s, lang } = options;
  if (!items.length) {
    return options.filtering ? html`<p class="empty" role="status">${s.noStationsMatch}</p>` : nothing;
  }
  const active = items.some((item) => item.index === options.activeIndex) ? options.activeIndex : items[0]!.index;
  return html`
    ${renderHeading(options.headingLevel ?? 2, options.heading, { id: 'list-heading', className: 'list-heading' })}
    <ol class="list" part="list" aria-labelledby="list-heading" @keydown=${(e: KeyboardEvent) => handleListKeydown(e, options.onExitTop)}>
      ${repeat(
        items,
        (item) => item.index,
        ({ index, station, distanceMeters }) => html`
          <li>
            <button
              class="item"
              part="list-item"
              data-index=${index}
              tabindex=${index === active ? '0' : '-1'}
              aria-current=${index === options.selectedIndex ? 'true' : 'false'}
              @click=${() => options.onPick(index)}
              @mouseenter=${() => options.onHover(index)}
              @mouseleave=${() => options.onHover(-1)}
              @focus=${() => options.onFocusItem(index)}
              @blur=${() => options.onHover(-1)}
            >
              ${renderTypeIcon(station.properties.type)}
              <span class="text">
                <span class="name">${clipText(stationName(station, lang))}</span>
                <span class="meta">${typeLabel(station.properties.type, s)}</span>
                ${renderOpenBadge(getOpenStatus(station.properties.hours, options.now, { timezone: options.timezone, holidays: options.holidays }), s, station.properties.status)}
                ${renderServiceIcons(station.properties.services, s)}
              </span>
              ${options.showDistance === false ? nothing : html`<span class="distance">${formatDistance(distanceMeters, lang)}</span>`}
            </button>
          </li>
        `,
      )}
    </ol>
    ${options.hasMore
      ? html`<div class="more"><button type="button" part="button" @click=${options.onShowMore}>${s.actions.showMore}</button></div>`
      : nothing}
  `;
}

/** Up to six service icons of a row, named for screen readers in one label. */
function renderServiceIcons(services: unknown, s: UiStrings) {
  if (!Array.isArray(services)) return nothing;
  const known = services.filter((v): v is string => typeof v === 'string' && serviceGlyph(v) != null).slice(0, 6);
  if (!known.length) return nothing;
  return html`<span class="service-icons" role="img" aria-label=${known.map((v) => serviceLabel(v, s)).join('、')}
    >${known.map((v) => svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d=${serviceGlyph(v)!}></path></svg>`)}</span
  >`;
}
