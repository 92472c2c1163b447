/**
 * The features of a GeoJSON FeatureCollection as its text arrives, a piece at a time: a phone on
 * a slow link can draw the first thousands of a province's stations seconds before the last byte
 * (see data/station-preview.ts).
 *
 * Each piece of text is scanned once, following strings and nesting only, for the top-level
 * `features` array and the commas between its elements; the complete elements so far go to
 * `JSON.parse` together. It is a preview, not the reader: the whole text is still parsed and
 * checked by the normal path when it is in, which alone reports what is wrong with it. So this
 * stops quietly at anything it does not expect, and reads the first top-level `features` only.
 * When it read the whole array, {@link FeatureStream.collection} gives the document with the
 * features it read: the normal path then parses only the text around them.
 * Pure: no DOM.
 */
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars.js';

/** Stands in for the features array when the rest of the document is parsed (see {@link FeatureStream.collection}). */
const PLACEHOLDER = '\u0000station-map: the features read as the text arrived';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/**
 * Where the scan is: before the `features` array (`key`: its name just ended, `colon`: its colon
 * passed), inside it, after it, or stopped at text it does not follow.
 */
type Phase = 'before' | 'key' | 'colon' | 'inside' | 'done' | 'stopped';

/**
 * Reads the features of a FeatureCollection from its text in pieces, in order.
 *
 * @example
 * const stream = new FeatureStream();
 * for await (const text of pieces) draw(stream.push(text)); // the features each piece completed
 */
export class FeatureStream {
  private phase: Phase = 'before';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The string being read at depth 1, while it could still be `features`. */
  private name = '';
  /** Text of the array's elements not parsed yet (the start of an element cut by a piece's end). */
  private pending = '';
  /** Features read so far. */
  count = 0;
  /** Characters of the text taken before the current piece. */
  private offset = 0;
  /** Where the `features` array starts (its `[`) and ends (after its `]`) in the whole text; -1 until seen. */
  private arrayStart = -1;
  private arrayEnd = -1;

  /** False once the array closed, or the text turned out to be something this does not read. */
  get reading(): boolean {
    return this.phase !== 'done' && this.phase !== 'stopped';
  }

  /** Takes the next piece of the text; returns the features it completed (raw GeoJSON objects). */
  push(text: string): unknown[] {
    const offset = this.offset;
    this.offset += text.length;
    if (!this.reading) return [];
    // Where this piece's unparsed elements start, and the last comma between two elements.
    let from = this.phase === 'inside' ? 0 : -1;
    let cut = -1;
    // The next backslash: searched again only once passed (most texts have few or none).
    let backslash = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        // Most of the text is inside strings (names, addresses): jump to the next quote or backslash.
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        if (backslash < i) {
          const found = text.indexOf('\\', i);
          backslash = found < 0 ? Number.POSITIVE_INFINITY : found;
        }
        const quote = text.indexOf('"', i);
        const end = Math.min(quote < 0 ? text.length : quote, backslash);
        if (this.depth === 1 && this.phase === 'before' && this.name.length < 9) this.name += text.slice(i, Math.min(end, i + 9));
        i = end;
        if (i >= text.length) break;
        if (text.charCodeAt(i) === BACKSLASH) this.escaped = true;
        else {
          this.inString = false;
          if (this.depth === 1 && this.phase === 'before' && this.name === 'features') this.phase = 'key';
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.phase === 'key') this.phase = c === COLON ? 'colon' : 'before';
      else if (this.phase === 'colon') {
        this.phase = 'before';
        if (c === OPEN_BRACKET) {
          this.phase = 'inside';
          this.depth++;
          from = i + 1;
          this.arrayStart = offset + i;
          continue;
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        this.name = '';
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.phase === 'inside' && this.depth === 1) {
          this.phase = c === CLOSE_BRACKET ? 'done' : 'stopped';
          this.arrayEnd = offset + i + 1;
          return this.phase === 'done' ? this.parse(text.slice(from, i), true) : [];
        }
        if (this.depth < 0) this.phase = 'stopped';
      } else if (c === COMMA && this.phase === 'inside' && this.depth === 2) {
        cut = i;
      }
    }
    if (this.phase !== 'inside') return [];
    if (cut < 0) {
      this.pending += text.slice(from);
      return [];
    }
    const rest = text.slice(cut + 1);
    const features = this.parse(text.slice(from, cut), false);
    this.pending = rest;
    return features;
  }

  /**
   * The document of `text` (the whole text, every piece of which this took) as `JSON.parse` reads
   * it, with `features` (what this returned for its array, in order) in place of that array — so
   * the features are not parsed twice. `null` when this did not read the whole array of this very
   * text, or the text around it is not a document whose `features` that array is (a second
   * `features` member, broken JSON): the caller then parses the text, and reports what is wrong.
   */
  collection(text: string, features: unknown[]): Record<string, unknown> | null {
    if (this.phase !== 'done' || this.offset !== text.length || features.length !== this.count) return null;
    try {
      const doc: unknown = JSON.parse(`${text.slice(0, this.arrayStart)}${PLACEHOLDER_JSON}${text.slice(this.arrayEnd)}`);
      if (doc === null || typeof doc !== 'object' || (doc as { features?: unknown }).features !== PLACEHOLDER) return null;
      (doc as { features: unknown[] }).features = features;
      return doc as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  /** Parses the pending text and `tail` (whole elements); an empty array may end with nothing. */
  private parse(tail: string, last: boolean): unknown[] {
    const piece = this.pending + tail;
    this.pending = '';
    if (!/\S/.test(piece)) {
      // Nothing between two commas, or after the last one: not JSON (`JSON.parse` refuses `[1,,2]`
      // and `[1,]`), so the document is the normal parser's to report. Only `[]` is empty.
      if (!last || this.count > 0) this.phase = 'stopped';
      return [];
    }
    try {
      const features = JSON.parse(`[${piece}]`) as unknown[];
      this.count += features.length;
      return features;
    } catch {
      this.phase = 'stopped';
      return [];
    }
  }
}
