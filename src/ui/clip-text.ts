/**
 * Data text is laid out only up to a length. Chromium lays out a long unbroken run (30,000 "A" in
 * an address) in time that grows with the square of its length — 9 s on select at 30,000, 31 s at
 * 100,000, whatever `overflow-wrap`/`word-break` or layout is used — so no CSS fix bounds it; only
 * laying out less does. The full text stays in the data (events, `stations`, the page's own
 * detail template); only what the element shows is clipped.
 */

/**
 * Characters of one data field the element lays out: a real address, name or note is far
 * shorter, and 500 characters lay out in a few milliseconds even as one unbroken word.
 */
export const MAX_SHOWN_CHARS = 500;

/**
 * `text` cut to {@link MAX_SHOWN_CHARS} characters with "…" added when it is longer, never
 * splitting a surrogate pair.
 *
 * @example clipText('A'.repeat(100_000)).length // → 501
 */
export function clipText(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) return text;
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
