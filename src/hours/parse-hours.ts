/**
 * Turns the free-text service hours stations publish (Chinese notices and the
 * OSM `opening_hours` subset) into a weekly table "open now" can be read from.
 *
 * Hand-written instead of the `opening_hours` npm package: that one is ~100 KB
 * minified with holiday data for many countries and knows no Chinese, while we
 * need a few KB that understand `周一至周五 8:00-18:00，节假日休息`.
 */

/** Minutes since local midnight `[start, end)`; `end` may pass 1440 for ranges past midnight. */
export type TimeRange = readonly [startMinute: number, endMinute: number];

/**
 * Parsed weekly service hours.
 *
 * `days[0]` is Monday … `days[6]` is Sunday, each a sorted list of non-overlapping
 * ranges. A range like `22:00-06:00` is stored on the day it starts as `[1320, 1800]`
 * and keeps the station open until 06:00 the next day.
 */
export interface WeeklyHours {
  /** Open around the clock every day (`24/7`, `24小时`, `Mo-Su 00:00-24:00`). */
  readonly always: boolean;
  /** Index 0 = Monday … 6 = Sunday. An empty list means closed that day. */
  readonly days: readonly (readonly TimeRange[])[];
  /**
   * The text says the station closes on public holidays (`节假日休息`, `法定节假日闭站`, `PH off`);
   * `isOpenAt` applies it with China's calendar, and the UI shows it as a note.
   */
  readonly closedOnHolidays: boolean;
  /**
   * Hours on public holidays: `[]` when closed on them, the ranges of a `节假日 09:00-12:00` or
   * `PH 10:00-14:00` rule, `null` when the text says nothing (a holiday keeps its weekday's hours,
   * unless that day's hours come from a `工作日` rule).
   */
  readonly holidayHours: readonly TimeRange[] | null;
  /** Bit `1 << d` set when day d's hours come from a `工作日` rule: those hours stop on public holidays. */
  readonly workdayMask: number;
  /** The hours of the last `工作日` rule, for make-up working days (调休) on a weekend; `null` without one. */
  readonly workdayHours: readonly TimeRange[] | null;
}

// Token kinds are small numbers rather than words: every comparison below ships in the
// script-tag bundle, and terser turns `Kind.Sep` into `7`.
const Kind = { Day: 0, Days: 1, Holiday: 2, Time: 3, Shift: 4, Dash: 5, List: 6, Sep: 7, Off: 8, AllDay: 9 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

type Token =
  | { k: typeof Kind.Day; d: number; zh: boolean }
  | { k: typeof Kind.Days; set: readonly number[]; wd: boolean }
  | { k: typeof Kind.Holiday }
  | { k: typeof Kind.Time; m: number }
  | { k: typeof Kind.Shift; to: 'am' | 'pm' | 'noon' }
  | { k: typeof Kind.Dash }
  | { k: typeof Kind.List }
  | { k: typeof Kind.Sep }
  | { k: typeof Kind.Off }
  | { k: typeof Kind.AllDay };

const MINUTES_PER_DAY = 1440;
const ALL_DAYS: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
const WORKDAYS: readonly number[] = [0, 1, 2, 3, 4];
const WEEKEND: readonly number[] = [5, 6];
const ZH_DAY_INDEX: Readonly<Record<string, number>> = {
  一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6, 七: 6,
  1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5, 7: 6,
};
const EN_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const EN_DAY_ALIASES: Readonly<Record<string, number>> = { tues: 1, weds: 2, thur: 3, thurs: 3 };

// Dashes, tildes and the words for "to" all mean a range; NFKC already folded
// full-width digits, colons and `－` / `～`.
const RANGE_CHARS = /[—–‐‑‒―−〜~至到]/g;

// One sticky pattern per token kind, tried in order (longer words before their prefixes).
const SKIP = /(?:\s+|[【】“”‘’]|(?:对外|對外)?(?:开放|開放|营业|營業|服务|服務|办公|辦公)(?:时间|時間)?|时间|時間|open|均|照常)/y;
const ALLDAY = /(?:24\s*\/\s*7|(?:全天)?24\s*(?:小时|小時|h(?:ours?|rs?)?)(?![a-z])|全天候?|全日)/y;
const TIME = /(\d{1,2})\s*(?::\s*(\d{2})|[点點时時]\s*(?:(半)|(\d{1,2})\s*分?)?)/y;
const SHIFT = /(上午|早上|早晨|凌晨|早)|(下午|晚上|傍晚|晚间|晚間|晚)|(中午)/y;
const ZH_DAY = /(?:周|週|星期|礼拜|禮拜)([一二三四五六日天七1-7])/y;
const ZH_DAY_TAIL = /[一二三四五六日天]/y;
const EN_DAY = /(mo|tu|we|th|fr|sa|su)[a-z]*/y;
const DAY_GROUP = /(工作日)|(周末|週末|双休日|雙休日)|(每天|每日|天天|全周|全週|全年无休|全年無休|daily|everyday)/y;
const HOLIDAY = /(?:法定)?(?:节假日|節假日|假日|节日|節日|公休日)|ph(?![a-z])/y;
const OFF = /off|closed|休息|休|闭馆|閉館|闭站|閉站|关闭|關閉|不开放|不開放|除外|停止服务|停止服務|不营业|不營業/y;
const LIST = /、|以及|及|和|与|與/y;
const SEP = /。/y;

/**
 * Longest text read as hours. Real notices are well under 200 characters; a
 * longer one is a data error or an attack, and would cost a re-parse on every
 * render because it is too long to cache (a 400 KB string took ~0.5 s).
 */
export const MAX_HOURS_TEXT = 1000;

const CACHE_LIMIT = 10_000;
const CACHE_TEXT_LIMIT = 500;
const cache = new Map<string, WeeklyHours | null>();

/**
 * Parses service hours text. Unknown or unsupported text gives `null` ("hours
 * unknown"), never an error. Results are cached by text, because many stations
 * share one hours string and filters run over up to a million stations; the
 * returned object is frozen and shared, so do not mutate it.
 *
 * A later rule for the same day replaces the earlier one (OSM semantics), so
 * `每天 8:00-20:00，周日休息` is closed on Sunday. Text longer than
 * {@link MAX_HOURS_TEXT} (1000 characters) is not read and gives `null`.
 *
 * @example
 * parseHours('周一至周五 08:00-18:00；周六、周日 09:00-12:00');
 * // → { always: false, days: [[[480, 1080]], …, [[540, 720]], [[540, 720]]], closedOnHolidays: false }
 * parseHours('Mo-Fr 22:00-06:00; PH off'); // Monday: [[1320, 1800]], closedOnHolidays: true
 * parseHours('请电话咨询'); // → null
 */
export function parseHours(text: string | null | undefined): WeeklyHours | null {
  if (typeof text !== 'string' || text.length > MAX_HOURS_TEXT) return null;
  const cached = cache.get(text);
  if (cached !== undefined || cache.has(text)) return cached ?? null;
  const result = parseUncached(text);
  // When full we stop adding rather than evict: filters scan all stations in the
  // same order each time, and any eviction policy would then miss on every
  // lookup, while keeping the first entries still hits for most stations.
  if (cache.size < CACHE_LIMIT && text.length <= CACHE_TEXT_LIMIT) cache.set(text, result);
  return result;
}

function parseUncached(text: string): WeeklyHours | null {
  const tokens = tokenize(text.normalize('NFKC').toLowerCase().replace(RANGE_CHARS, '-'));
  return tokens ? parseRules(tokens) : null;
}

function tokenize(s: string): Token[] | null {
  const tokens: Token[] = [];
  let pos = 0;
  const at = (re: RegExp): RegExpExecArray | null => {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (m) pos = re.lastIndex;
    return m;
  };
  const push = (token: Token): void => {
    // Runs of separators (`；\n`) count once.
    if (token.k !== Kind.Sep || tokens[tokens.length - 1]?.k !== Kind.Sep) tokens.push(token);
  };
  // Dispatch on the first character so each token costs one or two regex runs:
  // parsing a million distinct strings must stay cheap.
  while (pos < s.length) {
    const c = s.charCodeAt(pos);
    let m: RegExpExecArray | null;
    if (c < 128) {
      const char = s[pos]!;
      if (c >= 48 && c <= 57) {
        if (at(ALLDAY)) push({ k: Kind.AllDay });
        else if ((m = at(TIME))) {
          const minute = m[2] !== undefined ? Number(m[2]) : m[3] ? 30 : m[4] !== undefined ? Number(m[4]) : 0;
          if (minute > 59) return null;
          push({ k: Kind.Time, m: Number(m[1]) * 60 + minute });
        } else return null;
        continue;
      }
      if (c >= 97 && c <= 122) {
        if (at(HOLIDAY)) push({ k: Kind.Holiday });
        else if (at(OFF)) push({ k: Kind.Off });
        else if ((m = at(DAY_GROUP))) push({ k: Kind.Days, set: toDaySet(m), wd: !!m[1] });
        else if ((m = at(EN_DAY))) {
          const d = toEnglishDay(m[0]);
          if (d < 0) return null;
          push({ k: Kind.Day, d, zh: false });
        } else if (!at(SKIP)) return null;
        continue;
      }
      pos++;
      if (char === '-') push({ k: Kind.Dash });
      else if (char === ',' || char === '&') push({ k: Kind.List });
      else if (char === ';' || char === '\n' || char === '|') push({ k: Kind.Sep });
      else if (!' \t\r()[]"\':'.includes(char)) return null;
      continue;
    }
    if (at(ALLDAY)) push({ k: Kind.AllDay });
    else if ((m = at(ZH_DAY))) push({ k: Kind.Day, d: ZH_DAY_INDEX[m[1]!]!, zh: true });
    else if (isAfterZhDay(tokens) && (m = at(ZH_DAY_TAIL))) {
      // `周六日`, `周一至五`, `周六、日`: the prefix is written once for several days.
      push({ k: Kind.Day, d: ZH_DAY_INDEX[m[0]]!, zh: true });
    } else if ((m = at(DAY_GROUP))) push({ k: Kind.Days, set: toDaySet(m), wd: !!m[1] });
    else if (at(HOLIDAY)) push({ k: Kind.Holiday });
    else if (at(OFF)) push({ k: Kind.Off });
    else if ((m = at(SHIFT))) push({ k: Kind.Shift, to: m[1] ? 'am' : m[2] ? 'pm' : 'noon' });
    else if (at(LIST)) push({ k: Kind.List });
    else if (at(SEP)) push({ k: Kind.Sep });
    else if (!at(SKIP)) return null;
  }
  return tokens;
}

function isDayToken(
  token: Token | undefined,
): token is Extract<Token, { k: typeof Kind.Day | typeof Kind.Days | typeof Kind.Holiday }> {
  return token?.k === Kind.Day || token?.k === Kind.Days || token?.k === Kind.Holiday;
}

function toDaySet(m: RegExpExecArray): readonly number[] {
  return m[1] ? WORKDAYS : m[2] ? WEEKEND : ALL_DAYS;
}

function isAfterZhDay(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  if (last?.k === Kind.Day) return last.zh;
  const beforeLast = tokens[tokens.length - 2];
  return (last?.k === Kind.Dash || last?.k === Kind.List) && beforeLast?.k === Kind.Day && beforeLast.zh;
}

function toEnglishDay(word: string): number {
  if (word in EN_DAY_ALIASES) return EN_DAY_ALIASES[word]!;
  // `mo`, `mon`, `monday` are fine; `month` or `sale` are not days.
  return EN_DAY_NAMES.findIndex((name) => name.startsWith(word));
}

function parseRules(tokens: readonly Token[]): WeeklyHours | null {
  const days: TimeRange[][] = ALL_DAYS.map(() => []);
  let holidayHours: TimeRange[] | null = null;
  let workdayHours: TimeRange[] | null = null;
  let workdayMask = 0;
  let applied = false;
  let opened = false;
  let i = 0;
  const kind = (offset = 0): Kind | undefined => tokens[i + offset]?.k;
  const isDayLike = (k: Kind | undefined): boolean => k === Kind.Day || k === Kind.Days || k === Kind.Holiday;
  const isTimeLike = (k: Kind | undefined): boolean => k === Kind.Time || k === Kind.Shift;

  while (i < tokens.length) {
    if (kind() === Kind.Sep || kind() === Kind.List) {
      i++;
      continue;
    }
    let selected: Set<number> | null = null;
    let holiday = false;
    let workday = false;
    for (let token = tokens[i]; isDayToken(token); token = tokens[i]) {
      i++;
      selected ??= new Set();
      if (token.k === Kind.Holiday) holiday = true;
      else if (token.k === Kind.Days) {
        token.set.forEach((d) => selected!.add(d));
        workday ||= token.wd;
      }
      else if (kind() === Kind.Dash && tokens[i + 1]?.k === Kind.Day) {
        const end = (tokens[i + 1] as { d: number }).d;
        i += 2;
        // Ranges may wrap the week: `Sa-Mo`, `周五至周一`.
        for (let d = token.d; ; d = (d + 1) % 7) {
          selected.add(d);
          if (d === end) break;
        }
      } else selected.add(token.d);
      if (kind() === Kind.List && isDayLike(kind(1))) i++;
    }
    // `周一至周五，08:00-18:00`: a comma between the days and their hours.
    if (selected && kind() === Kind.List && (isTimeLike(kind(1)) || kind(1) === Kind.AllDay || kind(1) === Kind.Off)) i++;

    let ranges: TimeRange[];
    if (kind() === Kind.Off) {
      i++;
      ranges = [];
    } else if (kind() === Kind.AllDay) {
      i++;
      ranges = [[0, MINUTES_PER_DAY]];
    } else if (isTimeLike(kind())) {
      ranges = [];
      for (;;) {
        const parsed = readRange(tokens, i);
        if (!parsed) return null;
        ranges.push(parsed.range);
        i = parsed.next;
        if (kind() === Kind.List && isTimeLike(kind(1))) i++;
        else if (!isTimeLike(kind())) break;
      }
    } else if (holiday && selected?.size === 0) {
      // `节假日照常`: says nothing we can use without a holiday calendar.
      continue;
    } else return null;

    const merged = mergeRanges(ranges);
    if (holiday) holidayHours = merged;
    // Holiday-only rules (`PH off`, `节假日 9:00-12:00`) say nothing about the weekdays.
    if (holiday && selected?.size === 0) continue;
    if (workday) workdayHours = merged;
    // A later rule replaces an earlier one for the same day (OSM): `Fr 08:00-12:00; We-Sa off`.
    for (const d of selected ?? ALL_DAYS) {
      days[d] = merged;
      workdayMask = workday && d < 5 ? workdayMask | (1 << d) : workdayMask & ~(1 << d);
    }
    applied = true;
    opened ||= selected === null || ranges.length > 0;
  }
  // `Su off` alone says when it is closed, not when it is open: unknown. A bare
  // `off` / `休息` without days does mean closed every day.
  if (!applied || !opened) return null;
  const always = days.every((list) => list.some(([s, e]) => s <= 0 && e >= MINUTES_PER_DAY));
  return Object.freeze({
    always,
    days: Object.freeze(days.map((list) => Object.freeze(list.map((r) => Object.freeze(r))))),
    closedOnHolidays: holidayHours?.length === 0,
    holidayHours: holidayHours && Object.freeze(holidayHours),
    workdayMask,
    workdayHours: workdayHours && Object.freeze(workdayHours),
  });
}

function readRange(tokens: readonly Token[], start: number): { range: TimeRange; next: number } | null {
  const from = readTime(tokens, start);
  if (!from || tokens[from.next]?.k !== Kind.Dash) return null;
  const to = readTime(tokens, from.next + 1, from);
  if (!to) return null;
  let end = to.minute;
  if (from.minute >= MINUTES_PER_DAY || end > 2 * MINUTES_PER_DAY) return null;
  // `22:00-06:00` ends the next morning; `08:00-08:00` is a full 24 hours.
  if (end <= from.minute) end += MINUTES_PER_DAY;
  if (end > 2 * MINUTES_PER_DAY) return null;
  return { range: [from.minute, end], next: to.next };
}

type Shift = 'am' | 'pm' | 'noon';

function readTime(
  tokens: readonly Token[],
  start: number,
  startTime?: { minute: number; shift: Shift | undefined },
): { minute: number; shift: Shift | undefined; next: number } | null {
  let i = start;
  let shift: Shift | undefined;
  const first = tokens[i];
  if (first?.k === Kind.Shift) {
    shift = first.to;
    i++;
  }
  const token = tokens[i];
  if (token?.k !== Kind.Time) return null;
  let minute = token.m;
  // `下午5:30` is 17:30; `中午12点` stays noon while `中午1点` is 13:00.
  if (minute < 12 * 60 && (shift === 'pm' || (shift === 'noon' && minute < 11 * 60))) minute += 12 * 60;
  // `下午2:00-6:00`: the end shares the start's afternoon, but `晚上8点-2点` ends at night.
  else if (!shift && startTime?.shift === 'pm' && minute < 12 * 60 && minute + 12 * 60 > startTime.minute) {
    minute += 12 * 60;
  }
  return { minute, shift, next: i + 1 };
}

/** The ranges sorted by start, overlapping or touching ones joined; also used for the week timeline. */
export function mergeRanges(ranges: readonly TimeRange[]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
