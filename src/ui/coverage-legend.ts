/**
 * The legend of the service-circle layer: what the colours mean, the covered share of the view
 * and the best spot for a new station, with a button that shows it on the map. A side file with
 * its styles, loaded when `coverage` is first on: most pages never turn it on.
 */
import { css, html, nothing } from 'lit';
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

/** The legend's styles, adopted into the element's shadow root when this module arrives. */
export const coverageLegendStyles = css`
  .coverage-legend {
    position: absolute;
    z-index: 1000;
    left: 10px;
    top: 10px;
    max-width: min(300px, calc(100% - 120px));
    padding: 8px 10px;
    border-radius: 8px;
    background: var(--sm-bg);
    color: var(--sm-fg);
    font-size: 0.85em;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
    display: grid;
    gap: 4px;
  }
  .coverage-title {
    font-weight: 600;
  }
  .coverage-gap {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
  }
  .swatch {
    display: inline-block;
    width: 12px;
    height: 12px;
    margin-right: 6px;
    border-radius: 3px;
    vertical-align: -1px;
  }
  .swatch.covered {
    background: rgb(46 125 50 / 0.6);
  }
  .swatch.uncovered {
    background: rgb(198 40 40 / 0.45);
  }
`;
