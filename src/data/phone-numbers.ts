/**
 * Phone numbers as Chinese station data writes them in one cell: two numbers with a separator
 * ("0538-6231234；13800000000"), an extension ("0538-6231234 转 8001"), a note ("12345（24小时）"),
 * an international form with the trunk 0 ("+86 (0)538 6231234"). Each number found becomes its own
 * `tel:` URL; the text around it (separators, notes) is left to be shown as written. Pure: no DOM.
 */

/** One dialable number found in a phone text. */
export interface PhoneNumber {
  /** Where the number (with its extension) starts in the text. */
  start: number;
  /** Where it ends (exclusive): `text.slice(start, end)` is the number as written. */
  end: number;
  /**
   * The `tel:` URL: `+`, digits, and for an extension a comma (a pause) and its digits. Phone
   * dialers on Android and iOS call the number and then send the digits after the pause, which is
   * how a switchboard's "dial the extension" prompt is answered; RFC 3966's `;ext=` is ignored or
   * dropped by most dialers, so it would ring the switchboard without the extension.
   */
  tel: string;
}

/** Fewest digits of a number: 110, 119, 120 and 12345-style service lines are short. */
const MIN_DIGITS = 3;
/** More digits than any real number (15 by E.164, plus a little slack for a local prefix). */
const MAX_DIGITS = 18;
/**
 * Numbers are looked for in this many characters at the start of the text: a real cell holds a few
 * numbers in well under a hundred, and a hostile one must not cost time. The rest stays text.
 */
export const MAX_PHONE_TEXT = 256;
/** Words that introduce an extension (转 = "transfer to", 分机 = "extension"). */
const EXTENSION = /^(?:转|轉|分机|分機|ext\.?|x|#)\s*(\d{1,6})(?!\d)/i;
const OPEN = '(（[【';
const CLOSE = ')）]】';
/** Characters that may sit between the digit groups of one number. */
const SOFT = /[\s\-‐‑‒–—.·]/;

/**
 * Finds the phone numbers in `text` (in its first {@link MAX_PHONE_TEXT} characters), in order.
 * Never throws; a text with no number gives `[]`.
 *
 * @example
 * parsePhoneNumbers('0538-6231234；13800000000').map((n) => n.tel) // → ['tel:05386231234', 'tel:13800000000']
 * parsePhoneNumbers('0538-6231234 转 8001')[0].tel // → 'tel:05386231234,8001'
 * parsePhoneNumbers('12345（24小时）')[0] // → { start: 0, end: 5, tel: 'tel:12345' }
 * parsePhoneNumbers('+86 (0)538 6231234')[0].tel // → 'tel:+865386231234'
 */
export function parsePhoneNumbers(text: unknown): PhoneNumber[] {
  if (typeof text !== 'string') return [];
  const s = normalizeDigits(text.slice(0, MAX_PHONE_TEXT));
  const found: PhoneNumber[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (OPEN.includes(c)) {
      // A bracket of digits starts a number ("(0538) 6231234"); any other bracket is a note,
      // skipped whole so "(8:00-17:00)" never becomes a number.
      const close = findClose(s, i);
      if (close < 0) {
        i++;
        continue;
      }
      if (!/^\s*\d+\s*$/.test(s.slice(i + 1, close))) {
        i = close + 1;
        continue;
      }
    } else if (!(isDigit(c) || (c === '+' && isDigit(s[skipSoft(s, i + 1)] ?? '')))) {
      i++;
      continue;
    }
    // Digits glued to Latin letters are a room, a model or a code ("A101"), not a phone number.
    if (i > 0 && isDigit(c) && /[A-Za-z]/.test(s[i - 1])) {
      // Always step on: at a bracket there are no digits to skip.
      i = Math.max(skipDigits(s, i), i + 1);
      continue;
    }
    const number = readNumber(s, i);
    const count = number ? number.digits.replace('+', '').length : 0;
    if (number && count >= MIN_DIGITS && count <= MAX_DIGITS && !isTime(s, number.end)) {
      found.push({ start: i, end: number.end, tel: `tel:${number.digits}${number.extension ? `,${number.extension}` : ''}` });
    }
    i = number ? Math.max(number.end, i + 1) : i + 1;
  }
  return found;
}

/** Reads one number starting at `start`: its digits (with a leading `+`), extension and end. */
function readNumber(s: string, start: number): { digits: string; extension: string; end: number } | null {
  let digits = '';
  let plus = false;
  let end = start;
  let i = start;
  let gapHadSpace = false;
  if (s[i] === '+') {
    plus = true;
    i = skipSoft(s, i + 1);
  }
  for (;;) {
    const c = s[i] ?? '';
    if (isDigit(c)) {
      const runEnd = skipDigits(s, i);
      const run = s.slice(i, runEnd);
      // A space between two numbers that each stand alone separates them ("0538-6231234 13800000000").
      if (gapHadSpace && digits.length > 0 && (isComplete(digits, plus) || (digits.length >= 7 && run.length >= 7))) break;
      digits += run;
      i = end = runEnd;
    } else if (OPEN.includes(c)) {
      const close = findClose(s, i);
      const inner = close < 0 ? '' : s.slice(i + 1, close).trim();
      if (!/^\d+$/.test(inner)) break;
      if (gapHadSpace && isComplete(digits, plus)) break;
      // "+86 (0)538": the bracketed 0 is the trunk prefix, dialled only inside the country.
      if (!(plus && inner === '0')) digits += inner;
      i = end = close + 1;
    } else {
      break;
    }
    // Look past the separators: the number goes on only if a digit group follows.
    const next = skipSoft(s, i);
    const after = s[next] ?? '';
    if (!isDigit(after) && !OPEN.includes(after)) break;
    gapHadSpace = /\s/.test(s.slice(i, next));
    i = next;
  }
  if (!digits) return null;
  // "+86 0538…" written with the trunk 0 as well: it is never dialled after the country code.
  if (plus && digits.startsWith('860')) digits = `86${digits.slice(3)}`;
  let extension = '';
  const rest = s.slice(end, end + 24);
  const gap = /^\s*[,，]?\s*/.exec(rest)![0].length;
  const ext = EXTENSION.exec(rest.slice(gap));
  if (ext) {
    extension = ext[1];
    end += gap + ext[0].length;
  }
  return { digits: (plus ? '+' : '') + digits, extension, end };
}

/** True when `digits` is already a whole number: a mobile (1 + 10), or a landline with its area code. */
function isComplete(digits: string, plus: boolean): boolean {
  if (plus) return digits.length >= 11;
  if (digits.length === 11 && digits[0] === '1') return true;
  return digits[0] === '0' && digits.length >= 10;
}

/** "8:00" right after the digits: a time of day, not a phone number. */
function isTime(s: string, end: number): boolean {
  return s[end] === ':' || s[end] === '：';
}

function findClose(s: string, open: number): number {
  for (let i = open + 1; i < s.length && i < open + 64; i++) if (CLOSE.includes(s[i])) return i;
  return -1;
}

function skipDigits(s: string, i: number): number {
  while (i < s.length && isDigit(s[i])) i++;
  return i;
}

function skipSoft(s: string, i: number): number {
  while (i < s.length && SOFT.test(s[i])) i++;
  return i;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** Full-width digits and plus to ASCII, one code unit for one, so positions stay those of the text. */
function normalizeDigits(text: string): string {
  return text.replace(/[０-９＋]/g, (c) => (c === '＋' ? '+' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
