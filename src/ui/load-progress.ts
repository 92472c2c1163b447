/**
 * The progress line shown while a large station list is being indexed ("正在加载 45%"): an ARIA
 * progressbar, so screen readers can tell the map is busy and how far along it is. A native
 * `<progress>` draws the bar with no CSS of ours (nothing to load under a strict CSP).
 */
import { html, nothing } from 'lit';
import type { UiStrings } from '../i18n/strings.js';

/**
 * Renders the progress line for `progress` (0…1), or nothing when no load is running (`null`).
 *
 * @example html`${renderLoadProgress(this.loadProgress, this.strings)}`
 */
export function renderLoadProgress(progress: number | null, s: UiStrings) {
  if (progress === null) return nothing;
  const percent = Math.max(0, Math.min(100, Math.floor(progress * 100)));
  const text = s.loadingProgress(percent);
  return html`<div
    class="load-progress"
    part="load-progress"
    role="progressbar"
    aria-label=${s.loading}
    aria-valuemin="0"
    aria-valuemax="100"
    aria-valuenow=${percent}
    aria-valuetext=${text}
  >
    <progress max="100" .value=${percent} aria-hidden="true"></progress> <span>${text}</span>
  </div>`;
}
