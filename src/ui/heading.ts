/**
 * Headings at the level the page asks for (`heading-level`): the widget sits under the page's
 * own headings, and a fixed `<h3>` below the page's `<h1>` skips a level (axe `heading-order`).
 *
 * One literal template per level rather than `lit/static-html`: the build's HTML-template
 * minifier cannot read a tag name that is an expression.
 */
import { html, nothing } from 'lit';

/** A whole number 1–6 from the attribute's value; anything else gives the default 2. */
export function clampHeadingLevel(level: unknown): number {
  const n = Number(level);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? n : 2;
}

/**
 * An `<hN>` with the given text; `level` 7 and above stay `<h6>`.
 *
 * @example renderHeading(2, '附近站点', { id: 'list-heading', className: 'list-heading' })
 */
export function renderHeading(level: number, content: unknown, options: { id?: string; className?: string; focusable?: boolean } = {}) {
  const c = options.className ?? nothing;
  const i = options.id ?? nothing;
  const t = options.focusable ? '-1' : nothing;
  switch (Math.min(Math.max(level, 1), 6)) {
    case 1:
      return html`<h1 class=${c} id=${i} tabindex=${t}>${content}</h1>`;
    case 2:
      return html`<h2 class=${c} id=${i} tabindex=${t}>${content}</h2>`;
    case 3:
      return html`<h3 class=${c} id=${i} tabindex=${t}>${content}</h3>`;
    case 4:
      return html`<h4 class=${c} id=${i} tabindex=${t}>${content}</h4>`;
    case 5:
      return html`<h5 class=${c} id=${i} tabindex=${t}>${content}</h5>`;
    default:
      return html`<h6 class=${c} id=${i} tabindex=${t}>${content}</h6>`;
  }
}
