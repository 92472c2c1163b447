/**
 * `JSON.parse` of a large GeoJSON text in steps (see `util/steps.ts`), so a path network of tens of
 * megabytes is read between frames instead of in one task of a second or more (issue 22).
 *
 * The text is scanned once for the elements of the top-level `features` array, following strings
 * and nesting only (no values are made), and the elements are handed to `JSON.parse` a few hundred
 * kilobytes at a time; the rest of the document is parsed with `[]` in the array's place. The
 * pieces hold every character of the text once, joined at the array's own commas, so the result
 * and what counts as an error are `JSON.parse`'s: a bad text throws its `SyntaxError` (positions in
 * its message are within the piece).
 *
 * Why this and not a Worker: a Worker needs a file of its own beside the script (no `blob:` under a
 * strict CSP), pages whose CSP has no `worker-src` for it need this main-thread path anyway, and a
 * parsed network sent back from a Worker is rebuilt by a structured clone as long as the parse.
 * One path, pure and tested in Node, is less to keep working.
 */
import { StationMapError } from '../errors.js';
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './json-chars.js';
import type { Steps } from '../util/steps.js';

/** Text shorter than this is parsed at once: a megabyte parses in a few milliseconds. */
const WHOLE_BELOW = 1 << 20;
/** Characters of features parsed in one step (about a millisecond's work). */
const CHUNK_CHARS = 1 << 18;

const FEATURES_KEY = '"features"';

/** Options of {@link parseJsonSteps}; the defaults suit the element, tests make pieces small. */
export interface ParseJsonStepsOptions {
  /** Text shorter than this is parsed in one step (default 1 MiB of characters). */
  wholeBelow?: number;
  /** Characters of features parsed in one step (default 256 Ki). */
  chunkChars?: number;
  /**
   * Takes the top-level features a piece at a time, in order, instead of the document: it then
   * comes back with `features: []`, so a reader that keeps only what it makes of them (the graph
   * of a path network) never holds a million feature objects at once.
   */
  onFeatures?(features: unknown[]): void;
}

/**
 * {@link JSON.parse} of `text` as steps: the same value, or the same kind of `SyntaxError`. A
 * document without a top-level `features` array (or with two) is parsed at once, and so is each
 * single feature: one line of 50 MB is still one task.
 *
 * @example const network = await runStepsSliced(parseJsonSteps(text), { signal });
 */
export function* parseJsonSteps(text: string, options: ParseJsonStepsOptions = {}): Steps<unknown> {
  const { onFeatures } = options;
  const parseWhole = (): unknown => {
    const document = JSON.parse(text) as { features?: unknown } | null;
    if (onFeatures && Array.isArray(document?.features)) {
      onFeatures(document.features);
      document.features = [];
    }
    return document;
  };
  const chunkChars = Math.max(1, options.chunkChars ?? CHUNK_CHARS);
  if (text.length < (options.wholeBelow ?? WHOLE_BELOW) || !/^\s*\{/.test(text.slice(0, 64))) return parseWhole();
  const n = text.length;
  const features: unknown[] = [];
  let parsed = 0;
  const take = (from: number, to: number) => {
    const items = parsePiece(text, from, to);
    parsed += items.length;
    if (onFeatures) onFeatures(items);
    else for (const item of items) features.push(item);
  };
  let depth = 0;
  /** Where the features array opens and closes (`[` and `]`), -1 until found. */
  let open = -1;
  let close = -1;
  /** Start of the features not parsed yet. */
  let pending = -1;
  let nextYield = chunkChars;
  for (let i = 0; i < n && close < 0; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = endOfString(text, i);
      if (end < 0) break; // unterminated: JSON.parse below says where
      if (depth === 1 && open < 0 && end - i === FEATURES_KEY.length - 1 && text.startsWith(FEATURES_KEY, i)) {
        const colon = skipSpace(text, end + 1);
        const value = skipSpace(text, colon + 1);
        if (text.charCodeAt(colon) === COLON && text.charCodeAt(value) === OPEN_BRACKET) {
          open = value;
          pending = value + 1;
          depth++;
          i = value;
          continue;
        }
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (open >= 0 && depth === 1) {
        close = i;
        if (parsed > 0 || /\S/.test(text.slice(pending, i))) take(pending, i);
      }
    } else if (c === COMMA && depth === 2 && open >= 0 && i - pending >= chunkChars) {
      take(pending, i);
      pending = i + 1;
      nextYield = i + chunkChars;
      yield i / n;
    }
    if (i >= nextYield) {
      nextYield = i + chunkChars;
      yield i / n;
    }
  }
  // Cut off inside the features: the last piece says what JSON.parse says of the end.
  if (open >= 0 && close < 0) take(pending, n);
  // Cut off, or the array closed by a brace: not JSON, and JSON.parse says why.
  if (close < 0 || text.charCodeAt(close) !== CLOSE_BRACKET) return parseWhole();
  // Another "features" key after the array: the last one wins in JSON.parse.
  if (!onFeatures && text.indexOf(FEATURES_KEY, close) >= 0) return parseWhole();
  const document = JSON.parse(`${text.slice(0, open)}[]${text.slice(close + 1)}`) as { features: unknown[] };
  if (!Array.isArray(document.features) || document.features.length > 0) {
    // Given away already: such a document cannot be read in pieces.
    if (parsed > 0) throw new StationMapError('invalid-geojson', 'the document has two "features" members');
    return parseWhole();
  }
  if (!onFeatures) document.features = features;
  return document;
}

/** Parses the array elements `text[from, to)` (a whole number of them). */
function parsePiece(text: string, from: number, to: number): unknown[] {
  const items = JSON.parse(`[${text.slice(from, to)}]`) as unknown[];
  // `[a,,b]` and `[a,]` would leave an empty piece between commas, which parses as `[]`.
  if (items.length === 0) throw new SyntaxError(`Unexpected "," or "]" in JSON at position ${to}`);
  return items;
}

/** Index of the quote that closes the string opening at `start`, or -1. */
function endOfString(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  while (end > 0) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/** Index of the first character at or after `from` that is not JSON whitespace. */
function skipSpace(text: string, from: number): number {
  let i = from;
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  return i;
}
