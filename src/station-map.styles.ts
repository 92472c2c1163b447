/** Styles of `<station-map>`; Leaflet's own CSS is adopted beside them (see station-map.ts). */
import { css, unsafeCSS } from 'lit';
import { TYPE_COLORS } from './icons/station-icons.js';

/**
 * One class per station type, coloured from `--station-map-color-<type>` (default: the pin colour).
 * Classes, not style attributes: a strict CSP blocks inline styles.
 */
export const typeColorStyles = unsafeCSS(
  Object.entries(TYPE_COLORS)
    .map(([type, color]) => `.type-${type}{background:var(--station-map-color-${type},${color})}`)
    .join(''),
);

export const stationMapStyles = css`
  :host {
    --sm-accent: var(--station-map-accent, #c8102e);
    --sm-bg: var(--station-map-background, #ffffff);
    --sm-fg: var(--station-map-color, #1f2328);
    --sm-muted: var(--station-map-muted-color, #57606a);
    --sm-border: var(--station-map-border-color, #d0d7de);
    --sm-surface: var(--station-map-surface, #f6f8fa);
    --sm-open: var(--station-map-open-color, #116329);
    --sm-closed: var(--station-map-closed-color, #a40e26);
    --sm-radius: var(--station-map-radius, 10px);
    /* Wider with larger text (resolved in .layout's font), up to half the element. */
    --sm-panel-width: var(--station-map-panel-width, min(max(340px, 20em), 50%));
    display: block;
    position: relative;
    /* Fills a container that has a height; in normal flow the minimum gives a usable map. */
    height: var(--station-map-height, 100%);
    min-height: var(--station-map-min-height, 480px);
    container-type: inline-size;
    color: var(--sm-fg);
    background: var(--sm-bg);
    /*
     * 15px at the browser's default text size, growing with it (rem: the reader's text-size
     * setting, 适老化 at 200 %) and with the page's own text (em: a page switched to 24 px),
     * times the page's --station-map-text-scale and the text-scale attribute (--sm-scale).
     */
    font: var(
      --station-map-font,
      calc(var(--station-map-text-scale, 1) * max(0.9375rem, 0.9375em)) / 1.45 system-ui,
      -apple-system,
      'PingFang SC',
      'Microsoft YaHei',
      'Noto Sans CJK SC',
      sans-serif
    );
    border: 1px solid var(--sm-border);
    border-radius: var(--sm-radius);
    overflow: hidden;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* Absolute, so a long list never stretches a host whose height is only a minimum. */
  .layout {
    font-size: calc(var(--sm-scale, 1) * 1em);
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-columns: var(--sm-panel-width) minmax(0, 1fr);
  }
  .panel {
    display: flex;
    flex-direction: column;
    min-height: 0;
    border-right: 1px solid var(--sm-border);
    background: var(--sm-bg);
  }
  .map-wrap {
    position: relative;
    min-width: 0;
    min-height: 0;
  }
  .map {
    position: absolute;
    inset: 0;
    background: #e8eef2;
  }
  .status {
    padding: 10px 14px;
    border-bottom: 1px solid var(--sm-border);
    color: var(--sm-muted);
    font-size: 0.9em;
    display: flex;
    gap: 8px;
    align-items: center;
    justify-content: space-between;
    min-height: 44px;
  }
  .status.error {
    color: var(--sm-closed);
  }
  .message {
    margin: 12px 14px;
    padding: 10px 12px;
    border-radius: 8px;
    background: #fff4e5;
    color: #5c3c00;
    border: 1px solid #f0c36d;
  }
  .message.error {
    background: #ffebe9;
    color: #82071e;
    border-color: #ff8182;
  }
  .scroll {
    overflow: auto;
    flex: 1 1 auto;
    min-height: 0;
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    margin: 0;
    font-size: 1em;
  }
  .list-heading {
    font-size: 0.85em;
    font-weight: 600;
    color: var(--sm-muted);
    padding: 10px 14px 4px;
  }
  ol.list {
    list-style: none;
    margin: 0;
    padding: 0 6px 8px;
  }
  .item {
    display: flex;
    justify-content: flex-start;
    gap: 10px;
    align-items: center;
    width: 100%;
    min-height: 52px;
    padding: 8px;
    border: 0;
    border-radius: 8px;
    background: none;
    color: inherit;
    font: inherit;
    text-align: left;
    cursor: pointer;
  }
  .item:hover,
  .item[aria-current='true'],
  button.place:hover {
    background: var(--sm-surface);
  }
  .item .name {
    font-weight: 600;
    display: block;
    overflow-wrap: anywhere;
  }
  .item .meta {
    color: var(--sm-muted);
    font-size: 0.85em;
  }
  .type-icon {
    flex: none;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    display: grid;
    place-items: center;
    color: #fff;
  }
  .type-icon svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  .distance {
    margin-left: auto;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
    color: var(--sm-fg);
    font-size: 0.9em;
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .badge.open {
    color: var(--sm-open);
  }
  .badge.closed {
    color: var(--sm-closed);
  }
  .badge.unknown {
    color: var(--sm-muted);
  }
  .detail {
    padding: 14px;
  }
  .detail header {
    display: flex;
    gap: 10px;
    align-items: flex-start;
  }
  #detail-title:focus {
    /* Focused for screen readers when the panel opens; it is not a control. */
    outline: none;
  }
  #detail-title {
    font-size: 1.15em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-top: 12px;
  }
  button,
  .button {
    font: inherit;
    min-height: 44px;
    min-width: 44px;
    padding: 8px 14px;
    border-radius: 8px;
    border: 1px solid var(--sm-border);
    background: var(--sm-bg);
    color: var(--sm-fg);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
  }
  button.primary,
  button.chip[aria-pressed='true'] {
    background: var(--sm-accent);
    border-color: var(--sm-accent);
    color: #fff;
  }
  button.primary {
    font-weight: 600;
  }
  button.icon {
    padding: 0;
    width: 44px;
  }
  button.close {
    margin-left: auto;
    flex: none;
  }
  :focus-visible {
    outline: 3px solid #0969da;
    outline-offset: 2px;
  }
  a {
    color: #0550ae;
  }
  .map-tools {
    position: absolute;
    z-index: 1000;
    top: 10px;
    right: 10px;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .map-tools button {
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  .map-tools .zoom {
    display: flex;
    flex-direction: column;
  }
  .map-tools .zoom button:first-child {
    border-end-start-radius: 0;
    border-end-end-radius: 0;
  }
  .map-tools .zoom button:last-child {
    border-start-start-radius: 0;
    border-start-end-radius: 0;
  }
  .map-tools button:disabled {
    color: var(--sm-muted);
    cursor: default;
  }
  /* Leaflet's attribution control, drawn by the element. */
  .attribution {
    position: absolute;
    z-index: 1000;
    right: 0;
    bottom: 0;
    max-width: 100%;
    padding: 0 5px;
    background: rgb(255 255 255 / 0.8);
    color: #333;
    font-size: 12px;
    line-height: 1.4;
  }
  .attribution a {
    color: #0078a8;
    text-decoration: none;
  }
  .attribution a:hover,
  .attribution a:focus-visible {
    text-decoration: underline;
  }
  .map-notice {
    position: absolute;
    z-index: 1000;
    left: 10px;
    bottom: 24px;
    max-width: calc(100% - 20px);
    padding: 6px 10px;
    border-radius: 8px;
    background: rgb(255 255 255 / 0.94);
    color: var(--sm-fg);
    font-size: 0.85em;
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
  }
  .sheet-toggle {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  /* Filter bar: search box, then rows of chips that scroll sideways instead of wrapping. */
  .filter-bar {
    display: grid;
    gap: 6px;
    padding: 10px 10px 4px;
    border-bottom: 1px solid var(--sm-border);
  }
  .search-row {
    display: flex;
    gap: 6px;
  }
  input.search {
    flex: 1 1 auto;
    /* Not its default 20 characters: with large text those alone are wider than a phone. */
    width: 0;
    min-width: 0;
    min-height: 44px;
    padding: 8px 12px;
    font: inherit;
    color: var(--sm-fg);
    background: var(--sm-bg);
    border: 1px solid var(--sm-muted);
    border-radius: 8px;
  }
  input.search::placeholder {
    color: var(--sm-muted);
    opacity: 1;
  }
  .chips {
    display: flex;
    gap: 6px;
    overflow-x: auto;
    padding-bottom: 4px;
    scrollbar-width: thin;
  }
  button.chip {
    flex: none;
    min-height: 44px;
    padding: 6px 12px;
    border-radius: 999px;
    font-size: 0.9em;
    white-space: nowrap;
  }
  button.chip svg {
    width: 18px;
    height: 18px;
    fill: currentColor;
  }
  ul.places {
    list-style: none;
    margin: 0;
    padding: 0 6px 4px;
  }
  button.place {
    width: 100%;
    justify-content: flex-start;
    border: 0;
    background: none;
    text-align: left;
  }
  button.place svg {
    flex: none;
    width: 20px;
    height: 20px;
    fill: var(--sm-muted);
  }
  .places-note {
    margin: 8px 14px 0;
    color: var(--sm-muted);
    font-size: 0.9em;
  }
  .places-note.error {
    color: var(--sm-closed);
  }
  .empty {
    margin: 16px 14px;
    color: var(--sm-muted);
  }
  .more {
    padding: 0 14px 14px;
  }
  .more button {
    width: 100%;
  }
  .item .text {
    flex: 1 1 auto;
    min-width: 0;
  }
  .service-icons {
    display: flex;
    gap: 2px;
    margin-top: 2px;
    color: var(--sm-muted);
  }
  .service-icons svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
  }
  .grip {
    display: none;
  }

  /* Map pieces drawn inside the shadow root. Markers are placed at their anchor point (see
     map/dom-markers.ts): the margins put a pin's tip, or a cluster's centre, there. The pin
     sizes and tips are MARKER_METRICS in icons/station-icons.ts. */
  .sm-pin {
    width: 32px;
    height: 40px;
    margin: -38px 0 0 -16px;
  }
  .sm-pin-selected {
    width: 40px;
    height: 50px;
    margin: -44px 0 0 -20px;
  }
  .sm-pin svg {
    display: block;
    width: 100%;
    height: 100%;
    filter: drop-shadow(0 1px 1px rgb(0 0 0 / 0.35));
  }
  .sm-pin.sm-highlighted svg {
    transform: scale(1.2);
    transform-origin: 50% 100%;
  }
  .sm-cluster {
    width: var(--d);
    height: var(--d);
    margin: calc(var(--d) / -2) 0 0 calc(var(--d) / -2);
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: rgb(200 16 46 / 0.9);
    color: #fff;
    font-weight: 700;
    font-size: 13px;
    box-shadow: 0 0 0 5px rgb(200 16 46 / 0.25);
  }
  .sm-cluster-34 {
    --d: 34px;
  }
  .sm-cluster-40 {
    --d: 40px;
  }
  .sm-cluster-46 {
    --d: 46px;
  }
  .sm-cluster-54 {
    --d: 54px;
  }
  .sm-position {
    width: 22px;
    height: 22px;
    margin: -11px 0 0 -11px;
  }
  /* A hovered or focused marker rises above its neighbours (inline z-index orders them north to south). */
  .sm-pin:hover,
  .sm-pin:focus-visible,
  .sm-cluster:hover,
  .sm-cluster:focus-visible {
    z-index: 9999 !important;
  }
  .sm-position span {
    display: block;
    width: 22px;
    height: 22px;
    border-radius: 50%;
    background: #0969da;
    border: 3px solid #fff;
    box-shadow: 0 0 0 2px rgb(9 105 218 / 0.4);
  }
  .sm-accuracy {
    fill: #0969da;
    fill-opacity: 0.12;
    stroke: #0969da;
    stroke-opacity: 0.5;
    stroke-width: 1;
  }
  .sm-route {
    stroke: #0969da;
    stroke-width: 6;
    stroke-opacity: 0.85;
    fill: none;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .sm-route-straight {
    stroke: #6e7781;
    stroke-width: 4;
  }
  .leaflet-container {
    font: inherit;
    background: #e8eef2;
  }

  /* Narrow: the map fills the element; list and detail open as a bottom sheet. */
  @container (max-width: 719px) {
    .layout {
      display: block;
    }
    /* The map ends where the closed sheet begins, so its notice and credits are never under it. */
    .map-wrap {
      position: absolute;
      inset: 0 0 max(44px, 2.9em);
    }
    .panel {
      position: absolute;
      z-index: 1100;
      left: 0;
      right: 0;
      bottom: 0;
      /* The toggle's height (below) and its top border: taller with larger text. */
      max-height: max(45px, 2.9em);
      border-right: 0;
      border-top: 1px solid var(--sm-border);
      border-radius: 14px 14px 0 0;
      box-shadow: 0 -2px 10px rgb(0 0 0 / 0.18);
      transition: max-height 0.2s ease;
    }
    .panel.open {
      max-height: 70%;
    }
    /* The closed sheet shows no row: the browser skips laying them out (~65 ms at 4x CPU for the
       first dozen, right after the first pins) until the sheet opens. Still focusable and read. */
    .panel:not(.open) ol.list > li {
      content-visibility: auto;
      contain-intrinsic-size: auto 60px;
    }
    .sheet-toggle {
      display: flex;
      position: relative;
      touch-action: none;
      width: 100%;
      border: 0;
      border-radius: 14px 14px 0 0;
      /* 2.9em of the panel in this 0.9em font. */
      min-height: max(44px, 3.2em);
      justify-content: space-between;
      color: var(--sm-muted);
      font-size: 0.9em;
    }
    .panel .status {
      display: none;
    }
    .grip {
      display: block;
      position: absolute;
      top: 5px;
      left: calc(50% - 18px);
      width: 36px;
      height: 4px;
      border-radius: 2px;
      background: var(--sm-border);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .panel {
      transition: none;
    }
  }
  /* Dark pages: the same custom properties still win, only the defaults change. */
  @media (prefers-color-scheme: dark) {
    :host {
      --sm-bg: var(--station-map-background, #0d1117);
      --sm-fg: var(--station-map-color, #e6edf3);
      --sm-muted: var(--station-map-muted-color, #9da7b3);
      --sm-border: var(--station-map-border-color, #3d444d);
      --sm-surface: var(--station-map-surface, #161b22);
      --sm-open: var(--station-map-open-color, #56d364);
      --sm-closed: var(--station-map-closed-color, #ff7b72);
      --sm-accent: var(--station-map-accent, #b3001b);
    }
    a {
      color: #79c0ff;
    }
    .message {
      background: #2e2300;
      color: #f2cc60;
      border-color: #6e5500;
    }
    .message.error {
      background: #3c0c10;
      color: #ffa198;
      border-color: #8e1519;
    }
    .map-notice {
      background: rgb(13 17 23 / 0.94);
    }
    :focus-visible {
      outline-color: #58a6ff;
    }
  }
`;
