/**
 * "Open now" for service hours text, evaluated in the station's time zone
 * whatever the viewer's clock says.
 */
import { DayKind, resolveDayKinds, type DayKinds, type HolidayCalendar } from './holiday-calendar.js';
import { mergeRanges, parseHours, type TimeRange, type WeeklyHours } from './parse-hours.js';

/** The zone `isOpenAt` and `getOpenStatus` use unless told otherwise. */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/**
 * What the UI needs to say "open now · closes at 20:00", "closed · opens
 * Monday 08:00", "open 24 hours" or "hours unknown".
 */
export interface OpenStatus {
  /** `always`: open around the clock; `unknown`: the hours text could not be read. */
  state: 'open' | 'closed' | 'unknown' | 'always';
  /** When `open`: the local time it closes, `HH:MM` (`24:00` for midnight). */
  closesAt?: string;
  /** When `closed` and it opens again at some point: the local time, `HH:MM`. */
  opensAt?: string;
  /** When it opens on another day: that weekday, 0 = Monday … 6 = Sunday. */
  opensDay?: number;
  /** When it opens on another day: how many days from today (1 = tomorrow). */
  opensInDays?: number;
  /** The text says it closes on public holidays (already applied to `state` with the calendar). */
  closedOnHolidays?: boolean;
}

/**
 * Where and by which calendar "open" is read. A string in its place is the time zone alone.
 *
 * @example isOpenAt('工作日 09:00-17:00', date, { holidays: { holidays: ['2027-01-01'], workdays: [] } })
 */
export interface OpenOptions {
  /** IANA time zone of the hours (default `Asia/Shanghai`). */
  timezone?: string;
  /**
   * Dates added to China's published calendar (shipped, 2020 onward), which `工作日`,
   * `节假日休息` and OSM `PH` are read against; a date listed here wins over the shipped one.
   * `null`: no calendar, every date counts as its weekday.
   */
  holidays?: HolidayCalendar | null;
}

/** A wall-clock moment in some zone. */
export interface LocalTime {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
  /** The local date, ISO `YYYY-MM-DD`. */
  date: string;
}

const MINUTES_PER_DAY = 1440;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();
// One remembered minute per zone: a filter asks the same minute for every station.
const lastLocalTime = new Map<string, { minuteKey: number; local: LocalTime }>();
const timelines = new WeakMap<WeeklyHours, readonly (readonly [number, number])[]>();

/**
 * Whether the hours text says "open" at `date` in `timezone`. `null` when the
 * hours are unknown (missing or unreadable text) or the date is invalid (unless
 * the hours are round the clock). An unknown time zone falls back to
 * `Asia/Shanghai` rather than breaking the map.
 *
 * China's public holidays and make-up working days (调休) count: a `工作日` station is
 * closed on a holiday and open on a make-up Saturday, `节假日休息` / `PH off` close it on
 * holidays (see {@link OpenOptions.holidays} to add or correct dates).
 *
 * @example
 * isOpenAt('08:00-20:00', new Date('2024-05-06T12:00:00+08:00')); // → true
 * isOpenAt('Mo-Fr 08:00-18:00', new Date('2024-05-05T10:00:00+08:00')); // Sunday → false
 * isOpenAt('工作日 09:00-17:00', new Date('2025-10-01T10:00:00+08:00')); // National Day → false
 * isOpenAt('请电话咨询', new Date()); // → null
 */
export function isOpenAt(
  hours: string | null | undefined,
  date: Date,
  options: string | OpenOptions = DEFAULT_TIMEZONE,
): boolean | null {
  const parsed = parseHours(hours);
  if (!parsed) return null;
  const byCalendar = followsCalendar(parsed);
  if (parsed.always && !byCalendar) return true;
  const { timezone, kinds } = readOptions(options);
  const local = getLocalTime(date, timezone);
  if (!local) return null;
  const { weekday, minute } = local;
  const today = byCalendar ? hoursOn(parsed, weekday, kinds.get(local.date)) : parsed.days[weekday]!;
  if (today.some(([s, e]) => s <= minute && minute < e)) return true;
  // Yesterday's ranges past midnight (`22:00-06:00`) still run this morning.
  const later = minute + MINUTES_PER_DAY;
  const yesterday = (weekday + 6) % 7;
  const before = byCalendar ? hoursOn(parsed, yesterday, kinds.get(addDays(local.date, -1))) : parsed.days[yesterday]!;
  return before.some(([s, e]) => s <= later && later < e);
}

/** Whether the hours text reads differently on holidays or make-up days than on their weekday. */
function followsCalendar(hours: WeeklyHours): boolean {
  return hours.holidayHours !== null || hours.workdayHours !== null;
}

/** The hours of one date, given its weekday and what the calendar says it is. */
function hoursOn(hours: WeeklyHours, weekday: number, kind: DayKind | undefined): readonly TimeRange[] {
  if (kind === DayKind.Holiday) return hours.holidayHours ?? ((hours.workdayMask >> weekday) & 1 ? [] : hours.days[weekday]!);
  if (kind === DayKind.Workday && hours.workdayHours) return hours.workdayHours;
  return hours.days[weekday]!;
}

function readOptions(options: string | OpenOptions | undefined): { timezone: string; kinds: DayKinds } {
  if (typeof options === 'string') return { timezone: options, kinds: resolveDayKinds() };
  return { timezone: options?.timezone ?? DEFAULT_TIMEZONE, kinds: resolveDayKinds(options?.holidays) };
}

let lastShift = { date: '', days: 0, result: '' };
/**
 * The ISO date `days` after `date` (both local dates, so plain UTC arithmetic is exact); `''` past
 * the last day a Date can hold, which no calendar lists (its weekday's hours apply).
 */
function addDays(date: string, days: number): string {
  if (lastShift.date === date && lastShift.days === days) return lastShift.result;
  // toJSON, not toISOString: for a Date past the year 275760 it gives null rather than throwing.
  const result = (new Date(Date.parse(date) + days * MINUTES_PER_DAY * 60000).toJSON() as string | null)?.slice(0, 10) ?? '';
  lastShift = { date, days, result };
  return result;
}

/**
 * The open state at `date` in `timezone` and when it changes next.
 *
 * @example
 * getOpenStatus('08:00-20:00', new Date('2024-05-06T12:00:00+08:00'));
 * // → { state: 'open', closesAt: '20:00' }
 * getOpenStatus('Mo-Fr 08:00-18:00', new Date('2024-05-04T10:00:00+08:00')); // a Saturday
 * // → { state: 'closed', opensAt: '08:00', opensDay: 0, opensInDays: 2 }
 */
export function getOpenStatus(
  hours: string | null | undefined,
  date: Date,
  options: string | OpenOptions = DEFAULT_TIMEZONE,
): OpenStatus {
  const parsed = parseHours(hours);
  if (!parsed) return { state: 'unknown' };
  const note = parsed.closedOnHolidays ? { closedOnHolidays: true } : {};
  const { timezone, kinds } = readOptions(options);
  if (followsCalendar(parsed)) return getDatedStatus(parsed, date, timezone, kinds, note);
  const timeline = getTimeline(parsed);
  if (timeline.length === 1 && timeline[0]![0] === 0 && timeline[0]![1] === MINUTES_PER_WEEK) {
    return { state: 'always', ...note };
  }
  const local = getLocalTime(date, timezone);
  if (!local) return { state: 'unknown' };
  const now = local.weekday * MINUTES_PER_DAY + local.minute;
  const current = timeline.find(([s, e]) => s <= now && now < e);
  if (current) {
    const first = timeline[0]!;
    // Open through Sunday midnight into Monday: the close is Monday's.
    const close = current[1] === MINUTES_PER_WEEK && first[0] === 0 ? MINUTES_PER_WEEK + first[1] : current[1];
    return { state: 'open', closesAt: formatMinute(close, true), ...note };
  }
  if (timeline.length === 0) return { state: 'closed', ...note };
  const upcoming = timeline.find(([s]) => s > now);
  const open = upcoming ? upcoming[0] : timeline[0]![0] + MINUTES_PER_WEEK;
  const inDays = Math.floor(open / MINUTES_PER_DAY) - local.weekday;
  const status: OpenStatus = { state: 'closed', opensAt: formatMinute(open, false), ...note };
  if (inDays > 0) {
    status.opensDay = Math.floor(open / MINUTES_PER_DAY) % 7;
    status.opensInDays = inDays;
  }
  return status;
}

/** Days ahead a dated status looks for the next opening: past the longest holiday (春节, 9 days). */
const DATED_DAYS = 15;

/**
 * `getOpenStatus` for hours that follow the holiday calendar: a timeline of real dates, from
 * yesterday (its hours may run past midnight) to {@link DATED_DAYS} days ahead.
 */
function getDatedStatus(
  parsed: WeeklyHours,
  date: Date,
  timezone: string,
  kinds: DayKinds,
  note: { closedOnHolidays?: boolean },
): OpenStatus {
  const local = getLocalTime(date, timezone);
  if (!local) return { state: 'unknown' };
  const pieces: [number, number][] = [];
  for (let offset = -1; offset <= DATED_DAYS; offset++) {
    const weekday = (((local.weekday + offset) % 7) + 7) % 7;
    const base = (offset + 1) * MINUTES_PER_DAY;
    for (const [s, e] of hoursOn(parsed, weekday, kinds.get(addDays(local.date, offset)))) pieces.push([base + s, base + e]);
  }
  const timeline = mergeRanges(pieces);
  const end = (DATED_DAYS + 2) * MINUTES_PER_DAY;
  const now = MINUTES_PER_DAY + local.minute;
  const current = timeline.find(([s, e]) => s <= now && now < e);
  if (current) {
    if (current[1] < end) return { state: 'open', closesAt: formatMinute(current[1], true), ...note };
    // Open round the clock for the next two weeks (the holiday that closes it is further off).
    return { state: 'always', ...note };
  }
  const upcoming = timeline.find(([s]) => s > now);
  if (!upcoming) return { state: 'closed', ...note };
  const status: OpenStatus = { state: 'closed', opensAt: formatMinute(upcoming[0], false), ...note };
  const inDays = Math.floor(upcoming[0] / MINUTES_PER_DAY) - 1;
  if (inDays > 0) {
    status.opensDay = (local.weekday + inDays) % 7;
    status.opensInDays = inDays;
  }
  return status;
}

/**
 * The weekday (0 = Monday) and minute of the day at `date` in `timezone`, or
 * `null` for an invalid date.
 *
 * @example getLocalTime(new Date('2024-05-05T20:00:00Z'), 'Asia/Shanghai') // → { weekday: 0, minute: 240, date: '2024-05-06' }
 */
export function getLocalTime(date: Date, timezone: string = DEFAULT_TIMEZONE): LocalTime | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const minuteKey = Math.floor(ms / 60000);
  const remembered = lastLocalTime.get(timezone);
  if (remembered?.minuteKey === minuteKey) return remembered.local;
  const offset = FIXED_UTC_OFFSET_MINUTES.get(timezone);
  // (Within 8 hours of the last date a Date can hold, the shifted one cannot: Intl then.)
  if (offset !== undefined && ms >= FIXED_SINCE_MS && ms + offset * 60000 <= MAX_DATE_MS) {
    // China's zones have been UTC+8 all year since 1992: no need to wake Intl's time-zone data
    // (its first use costs ~25 ms on a phone, on the first render of the list).
    const local = new Date(ms + offset * 60000);
    const time = {
      weekday: (local.getUTCDay() + 6) % 7,
      minute: local.getUTCHours() * 60 + local.getUTCMinutes(),
      date: local.toISOString().slice(0, 10),
    };
    lastLocalTime.set(timezone, { minuteKey, local: time });
    return time;
  }
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  const ymd = { year: '', month: '', day: '' };
  for (const part of getFormatter(timezone).formatToParts(date)) {
    if (part.type === 'weekday') weekday = WEEKDAY_INDEX[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type in ymd) ymd[part.type as keyof typeof ymd] = part.value;
  }
  const local = { weekday, minute: hour * 60 + minute, date: `${ymd.year.padStart(4, '0')}-${ymd.month}-${ymd.day}` };
  lastLocalTime.set(timezone, { minuteKey, local });
  return local;
}

/** Zones at a fixed UTC offset (minutes) since {@link FIXED_SINCE_MS}: China's last DST ended in 1991. */
const FIXED_UTC_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map(
  ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'].map((zone) => [zone, 480]),
);
const FIXED_SINCE_MS = Date.UTC(1992, 0, 1);
/** The last moment a Date can hold (ECMAScript: 8.64e15 ms after the epoch). */
const MAX_DATE_MS = 8.64e15;

/**
 * True for the zones "open now" reads without `Intl` (China's, at UTC+8): a zone every browser
 * knows, so checking it need not wake Intl's time-zone data either.
 */
export function isChinaTimezone(timezone: string): boolean {
  return FIXED_UTC_OFFSET_MINUTES.has(timezone);
}

function getFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: timezone });
    } catch {
      // A typo in the page's `timezone` attribute must not break the map.
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: DEFAULT_TIMEZONE });
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Minute-of-week intervals `[start, end)`, sorted, merged, wrapped at Sunday midnight. */
function getTimeline(hours: WeeklyHours): readonly (readonly [number, number])[] {
  let timeline = timelines.get(hours);
  if (timeline) return timeline;
  const pieces: [number, number][] = [];
  hours.days.forEach((ranges, day) => {
    for (const [s, e] of ranges) {
      const start = day * MINUTES_PER_DAY + s;
      const end = day * MINUTES_PER_DAY + e;
      if (end <= MINUTES_PER_WEEK) pieces.push([start, end]);
      else pieces.push([start, MINUTES_PER_WEEK], [0, end - MINUTES_PER_WEEK]);
    }
  });
  timeline = mergeRanges(pieces);
  timelines.set(hours, timeline);
  return timeline;
}

function formatMinute(minuteOfWeek: number, isEnd: boolean): string {
  let minute = minuteOfWeek % MINUTES_PER_DAY;
  if (isEnd && minute === 0) minute = MINUTES_PER_DAY;
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
