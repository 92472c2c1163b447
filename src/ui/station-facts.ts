/** The detail panel's station facts: photo, temporary status, how to get in, "report a problem". */
import { html, nothing } from 'lit';
import { readEntry, readPhotos, readStationStatus } from '../data/station-facts.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Station } from '../types.js';

/** The first photo as a lazy thumbnail, its alt text from the station's name. */
export function renderStationPhoto(station: Station, name: string, s: UiStrings) {
  const photo = readPhotos(station.properties.photos, document.baseURI)[0];
  return photo
    ? html`<img class="photo" part="photo" src=${photo} alt=${s.facts.photoAlt(name)} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
    : nothing;
}

/** `<dt>`/`<dd>` rows for a stated status and the way in. */
export function renderFactRows(station: Station, s: UiStrings) {
  const p = station.properties;
  const status = readStationStatus(p.status) ?? (typeof p.status === 'string' && p.status.trim() ? p.status.trim() : undefined);
  const entry = readEntry(p.entry);
  return html`${status
    ? html`<dt>${s.facts.status}</dt><dd class="station-status ${status === 'open' ? 'open' : 'closed'}">${status in s.facts.statuses ? s.facts.statuses[status as keyof UiStrings['facts']['statuses']] : status}</dd>`
    : nothing}${entry ? html`<dt>${s.facts.entry}</dt><dd>${entry}</dd>` : nothing}`;
}

/** The "report a problem" link, when the page gave a `feedback-url`. */
export function renderFeedbackLink(url: string | undefined, s: UiStrings) {
  return url ? html`<p class="feedback"><a href=${url} target="_blank" rel="noopener noreferrer" part="feedback">${s.facts.reportProblem}</a></p>` : nothing;
}
