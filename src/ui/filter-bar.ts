/**
 * The filter bar above the list: a search box, type chips, service chips and an "open now"
 * toggle. It holds no state of its own: it shows the element's `.filter` and hands every change
 * back as a whole new filter, so a page that sets `.filter` and a user who taps a chip see the
 * same thing.
 */
import { html, nothing, svg } from 'lit';
import { live } from 'lit/directives/live.js';
import { KNOWN_STATION_TYPES } from '../data/filter-stations.js';
import type { UiStrings } from '../i18n/strings.js';
import type { KnownService, KnownStationType, StationFilter } from '../types.js';
import { serviceGlyph, typeGlyph } from '../icons/station-icons.js';

/** The types offered as chips: every type the spec names. */
export const FILTER_TYPES: readonly KnownStationType[] = KNOWN_STATION_TYPES;

/** The services offered as chips: what an outdoor worker most often needs right now. */
export const FILTER_SERVICES: readonly KnownService[] = [
  'water',
  'toilet',
  'rest',
  'charging',
  'microwave',
  'meals',
  'air-conditioning',
  'first-aid',
];

/** What the filter bar needs from the element. */
export interface FilterBarOptions {
  filter: StationFilter | null;
  strings: UiStrings;
  /** Text shown in the search box; kept apart from the filter so typing is not rewritten under the cursor. */
  query: string;
  /** A new filter chosen by the user (`null` when nothing is filtered). */
  onChange(filter: StationFilter | null): void;
  /** Every keystroke in the search box. */
  onInput(query: string): void;
  /** Enter in the search box. */
  onSubmit(query: string): void;
  /** Arrow down from the search box: move into the results. */
  onArrowDown(): void;
}

/** The filter with `key` set to `value`, or without it when `value` is empty; `null` when nothing is left. */
export function withFilter<K extends keyof StationFilter>(
  filter: StationFilter | null,
  key: K,
  value: StationFilter[K] | undefined,
): StationFilter | null {
  const next: StationFilter = { ...(filter ?? {}) };
  const empty = value === undefined || value === false || value === '' || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return Object.keys(next).length ? next : null;
}

/** `list` with `item` added, or removed when it is there. */
export function toggleItem(list: readonly string[] | undefined, item: string): string[] {
  const current = list ?? [];
  return current.includes(item) ? current.filter((v) => v !== item) : [...current, item];
}

/** True when the filter narrows anything. */
export function isFiltering(filter: StationFilter | null): boolean {
  return !!filter && (!!filter.text?.trim() || !!filter.types?.length || !!filter.services?.length || !!filter.openNow);
}

/** Renders the filter bar. */
export function renderFilterBar(options: FilterBarOptions) {
  const { filter, strings: s } = options;
  const chip = (label: string, pressed: boolean, glyph: string | null | undefined, onClick: () => void, extraClass = '') => html`
    <button type="button" class="chip ${extraClass}" part="chip" aria-pressed=${pressed ? 'true' : 'false'} @click=${onClick}>
      ${glyph ? svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d=${glyph}></path></svg>` : nothing}${label}
    </button>
  `;
  return html`
    <form class="filter-bar" part="filter-bar" role="search" aria-label=${s.filters.heading} @submit=${(e: Event) => {
      e.preventDefault();
      options.onSubmit(options.query);
    }}>
      <div class="search-row">
        <input
          class="search"
          part="search"
          type="search"
          enterkeyhint="search"
          autocomplete="off"
          aria-label=${s.filters.searchPlaceholder}
          placeholder=${s.filters.searchPlaceholder}
          .value=${live(options.query)}
          @input=${(e: Event) => options.onInput((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              options.onArrowDown();
            }
          }}
        />
        ${isFiltering(filter)
          ? html`<button type="button" class="clear" part="button" @click=${() => options.onChange(null)}>${s.filters.clear}</button>`
          : nothing}
      </div>
      <div class="chips" role="group" aria-label=${s.filters.types}>
        ${chip(s.filters.openNow, !!filter?.openNow, null, () => options.onChange(withFilter(filter, 'openNow', !filter?.openNow)), 'open-now')}
        ${FILTER_TYPES.map((type) =>
          chip(s.stationTypes[type], !!filter?.types?.includes(type), typeGlyph(type), () =>
            options.onChange(withFilter(filter, 'types', toggleItem(filter?.types, type))),
          ),
        )}
      </div>
      <div class="chips" role="group" aria-label=${s.filters.services}>
        ${FILTER_SERVICES.map((service) =>
          chip(s.services[service], !!filter?.services?.includes(service), serviceGlyph(service), () =>
            options.onChange(withFilter(filter, 'services', toggleItem(filter?.services, service))),
          ),
        )}
      </div>
    </form>
  `;
}
