/**
 * The legend of the service-circle layer: what the colours mean, the covered share of the view
 * and the best spot for a new station, with a button that shows it on the map.
 */
import { html, nothing } from 'lit';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { CoverageGap, CoverageStats, TravelMode } from '../types.js';

/** What the legend needs from the element. */
export interface CoverageLegendOptions {
  minutes: number;
  mode: TravelMode;
  /** `null` while the map is zoomed out too far to draw the circle. */
  stats: CoverageStats | null;
  zoomedOut: boolean;
  strings: UiStrings;
  lang: UiLang;
  onShowGap(gap: CoverageGap): void;
}

/** "1.2 km²", "0.35 km²", "12 km²": two significant digits are enough for planning. */
export function formatArea(km2: number, lang: UiLang): string {
  const digits = km2 >= 10 ? 0 : km2 >= 1 ? 1 : 2;
  return `${km2.toLocaleString(lang, { maximumFractionDigits: digits })} km²`;
}

/** Renders the legend. */
export function renderCoverageLegend(options: CoverageLegendOptions) {
  const { strings: s, stats } = options;
  const gap = stats?.gaps[0];
  return html`<section class="coverage-legend" part="coverage-legend" aria-label=${s.coverage.legend}>
    <div class="coverage-title">
      <span class="swatch covered" aria-hidden="true"></span>${s.coverage.label(options.minutes)} &middot; ${s.travelModes[options.mode]}
    </div>
    ${options.zoomedOut || !stats
      ? html`<div class="coverage-note">${s.coverage.zoomIn}</div>`
      : html`<div class="coverage-share" role="status">${s.coverage.coveredShare(Math.round(stats.coveredShare * 100))}</div>
          ${gap && gap.gainKm2 > 0
            ? html`<div class="coverage-gap">
                <span class="swatch uncovered" aria-hidden="true"></span>${s.coverage.bestGap(formatArea(gap.gainKm2, options.lang))}
                <button type="button" part="button" @click=${() => options.onShowGap(gap)}>${s.coverage.showGap}</button>
              </div>`
            : nothing}`}
  </section>`;
}
