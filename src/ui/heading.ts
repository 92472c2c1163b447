/**
 * Headings at the level the page asks for (`heading-level`): the widget sits under the page's
 * own headings, and a fixed `<h3>` below the page's `<h1>` skips a level (axe `heading-order`).
 */
import { html, unsafeStatic, type StaticValue } from 'lit/static-html.js';
import { nothing } from 'lit';

const TAGS: StaticValue[] = [1, 2, 3, 4, 5, 6].map((n) => unsafeStatic(`h${n}`));

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
  const tag = TAGS[Math.min(Math.max(level, 1), 6) - 1]!;
  return html`<${tag} class=${options.className ?? nothing} id=${options.id ?? nothing} tabindex=${options.focusable ? '-1' : nothing}>${content}</${tag}>`;
}
