/**
 * Turns a number Excel stored into the text the user sees in the cell, as far
 * as station data needs it: a code typed as 0538 and kept as 538 with format
 * `0000` must come back as "0538", a phone number as its digits (never
 * `1.38E+10`), a coordinate as its decimals, a date as a date.
 */

/** Number formats Excel does not write into styles.xml; ids 14–22 and 45–47 are dates and times, 49 is text. */
const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: 'General', 13: 'General',
  14: 'yyyy-mm-dd', 15: 'yyyy-mm-dd', 16: 'yyyy-mm-dd', 17: 'yyyy-mm', 18: 'hh:mm', 19: 'hh:mm:ss', 20: 'hh:mm', 21: 'hh:mm:ss',
  22: 'yyyy-mm-dd hh:mm', 37: '#,##0', 38: '#,##0', 39: '#,##0.00', 40: '#,##0.00', 45: 'mm:ss', 46: 'hh:mm:ss', 47: 'mm:ss',
  48: 'General', 49: '@',
  // The ids Chinese Excel uses for its own date formats (年月日, 上午/下午).
  27: 'yyyy-mm-dd', 28: 'yyyy-mm-dd', 29: 'yyyy-mm-dd', 30: 'yyyy-mm-dd', 31: 'yyyy-mm-dd', 32: 'hh:mm', 33: 'hh:mm:ss',
  34: 'hh:mm', 35: 'hh:mm:ss', 36: 'yyyy-mm-dd', 50: 'yyyy-mm-dd', 51: 'yyyy-mm-dd', 52: 'yyyy-mm', 53: 'yyyy-mm-dd',
  54: 'yyyy-mm-dd', 55: 'hh:mm', 56: 'hh:mm:ss', 57: 'yyyy-mm-dd', 58: 'yyyy-mm-dd',
};

/** The format code of number format `id`, from the workbook's own table or Excel's built-in one. */
export function formatCodeOf(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILT_IN[id] ?? 'General';
}

/**
 * The text Excel shows for `value` under `formatCode`. Dates and times come
 * out as ISO `yyyy-mm-dd` / `hh:mm` rather than in the workbook's locale, so
 * a file reads the same on every machine.
 *
 * @example formatNumber(538, '0000') // '0538'
 * @example formatNumber(13800138000, 'General') // '13800138000'
 */
export function formatNumber(value: number, formatCode: string, date1904 = false): string {
  if (!Number.isFinite(value)) return String(value);
  // The first section is for positive numbers (and all numbers when it is the only one).
  const sections = formatCode.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  const section = sections[value < 0 ? 1 : 0] ?? sections[0]!;
  const bare = section.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/General/i.test(bare) || bare.trim() === '' || bare.trim() === '@') return formatGeneral(value);
  if (/[ymdhs]/i.test(bare) && !/[0#]/.test(bare)) return formatDate(value, bare, date1904);
  const digits = /^([#,0]*)(?:\.(0+|#+))?(%?)$/.exec(bare.trim().replace(/^[^#0.]*|[^#0.%]*$/g, ''));
  if (!digits) return formatGeneral(value);
  const [, whole = '', decimals = '', percent] = digits;
  const shown = Math.abs(percent ? value * 100 : value);
  let text = decimals.startsWith('0') ? shown.toFixed(decimals.length) : formatGeneral(shown);
  const [int = '', frac] = text.split('.');
  const minDigits = (whole.match(/0/g) ?? []).length;
  let intPart = int.padStart(minDigits, '0');
  if (minDigits === 0 && intPart === '0' && frac) intPart = '';
  if (whole.includes(',')) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  text = frac === undefined ? intPart : `${intPart}.${frac}`;
  return `${value < 0 ? '-' : ''}${text}${percent}`;
}

/**
 * Excel's General format, except that whole numbers keep all their digits:
 * Excel shows a 12-digit number as 1.23457E+11, but in a station list such a
 * number is a code or a phone number whose digits are what matters.
 */
function formatGeneral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  // Excel keeps 15 significant digits: 0.1 + 0.2 is stored as 0.30000000000000004 and shown as 0.3.
  return String(Number(value.toPrecision(15)));
}

const MS_PER_DAY = 86_400_000;

function formatDate(serial: number, code: string, date1904: boolean): string {
  // Day 0 is 1899-12-30 (Excel counts the non-existent 1900-02-29, so later serials line up from there),
  // or 1904-01-01 in the Mac 1904 date system.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial * MS_PER_DAY / 1000) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  const hasDate = /[yd]/i.test(code) || (/m/i.test(code) && !/[hs]/i.test(code));
  const hasTime = /[hs]/i.test(code);
  const seconds = /s/i.test(code) && date.getUTCSeconds() !== 0 ? `:${pad(date.getUTCSeconds())}` : '';
  if (hasDate && hasTime) return `${day} ${time}${seconds}`;
  if (hasTime) return `${time}${seconds}`;
  return /d/i.test(code) ? day : day.slice(0, 7);
}
