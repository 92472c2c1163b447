/**
 * Places found by the geocoder for the search box, shown above the station matches. Picking one
 * moves the user's position there, so the list below turns into the stations nearest to it.
 */
import { html, nothing } from 'lit';
import type { UiStrings } from '../i18n/strings.js';
import { clipText } from './clip-text.js';
import { renderHeading } from './heading.js';

/** A place the geocoder returned, in the element's `crs`. */
export interface PlaceResult {
  name: string;
  lng: number;
  lat: number;
}

/** Where the place search is. */
export type PlaceSearchState =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'done'; places: PlaceResult[] }
  | { state: 'failed' };

/** What the place results need from the element. */
export interface PlaceResultsOptions {
  search: PlaceSearchState;
  strings: UiStrings;
  /** Level of the results heading (the element's `heading-level`, default 2). */
  headingLevel?: number;
  onPick(place: PlaceResult): void;
  /** Arrow up from the first place: back to the search box. */
  onExitTop(): void;
  /** Arrow down from the last place: on to the station list. */
  onExitBottom(): void;
}

function handleKeydown(event: KeyboardEvent, options: PlaceResultsOptions): void {
  const rows = Array.from((event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.place'));
  const at = rows.indexOf(event.target as HTMLButtonElement);
  if (at < 0 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  event.preventDefault();
  if (event.key === 'ArrowUp') {
    if (at === 0) options.onExitTop();
    else rows[at - 1]!.focus();
  } else if (at === rows.length - 1) options.onExitBottom();
  else rows[at + 1]!.focus();
}

/** Renders the place results, a "searching" line, "nothing found" or the failure note. */
export function renderPlaceResults(options: PlaceResultsOptions) {
  const { search, strings: s } = options;
  switch (search.state) {
    case 'idle':
      return nothing;
    case 'searching':
      return html`<p class="places-note" role="status">${s.placeSearch.searching}</p>`;
    case 'failed':
      return html`<p class="places-note error" role="status">${s.placeSearch.failed}</p>`;
    default:
      if (!search.places.length) return html`<p class="places-note" role="status">${s.placeSearch.noResults}</p>`;
      return html`
        ${renderHeading(options.headingLevel ?? 2, s.placeSearch.heading, { id: 'places-heading', className: 'list-heading' })}
        <ul class="places" part="places" aria-labelledby="places-heading" @keydown=${(e: KeyboardEvent) => handleKeydown(e, options)}>
          ${search.places.map(
            (place) => html`<li>
              <button type="button" class="place" part="place" @click=${() => options.onPick(place)}>
                <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"></path></svg>
                <span>${clipText(place.name)}</span>
              </button>
            </li>`,
          )}
        </ul>
      `;
  }
}
