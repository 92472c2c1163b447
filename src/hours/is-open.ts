/**
 * "Open now" for service hours text, evaluated in the station's time zone
 * whatever the viewer's clock says.
 */
import { mergeRanges, parseHours, type WeeklyHours } from './parse-hours.js';

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
  /** The text says it closes on public holidays; not applied, as we have no holiday calendar. */
  closedOnHolidays?: boolean;
}

/** A wall-clock moment in some zone. */
export interface LocalTime {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
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
 * Public holidays are not taken into account (see `WeeklyHours.closedOnHolidays`).
 *
 * @example
 * isOpenAt('08:00-20:00', new Date('2024-05-06T12:00:00+08:00')); // → true
 * isOpenAt('Mo-Fr 08:00-18:00', new Date('2024-05-05T10:00:00+08:00')); // Sunday → false
 * isOpenAt('请电话咨询', new Date()); // → null
 */
export function isOpenAt(
  hours: string | null | undefined,
  date: Date,
  timezone: string = DEFAULT_TIMEZONE,
): boolean | null {
  const parsed = parseHours(hours);
  if (!parsed) return null;
  if (parsed.always) return true;
  const local = getLocalTime(date, timezone);
  if (!local) return null;
  const { weekday, minute } = local;
  if (parsed.days[weekday]!.some(([s, e]) => s <= minute && minute < e)) return true;
  // Yesterday's ranges past midnight (`22:00-06:00`) still run this morning.
  const later = minute + MINUTES_PER_DAY;
  return parsed.days[(weekday + 6) % 7]!.some(([s, e]) => s <= later && later < e);
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
  timezone: string = DEFAULT_TIMEZONE,
): OpenStatus {
  const parsed = parseHours(hours);
  if (!parsed) return { state: 'unknown' };
  const note = parsed.closedOnHolidays ? { closedOnHolidays: true } : {};
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

/**
 * The weekday (0 = Monday) and minute of the day at `date` in `timezone`, or
 * `null` for an invalid date.
 *
 * @example getLocalTime(new Date('2024-05-05T20:00:00Z'), 'Asia/Shanghai') // → { weekday: 0, minute: 240 }
 */
export function getLocalTime(date: Date, timezone: string = DEFAULT_TIMEZONE): LocalTime | null {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return null;
  const minuteKey = Math.floor(ms / 60000);
  const remembered = lastLocalTime.get(timezone);
  if (remembered?.minuteKey === minuteKey) return remembered.local;
  const offset = FIXED_UTC_OFFSET_MINUTES.get(timezone);
  if (offset !== undefined && ms >= FIXED_SINCE_MS) {
    // China's zones have been UTC+8 all year since 1992: no need to wake Intl's time-zone data
    // (its first use costs ~25 ms on a phone, on the first render of the list).
    const local = new Date(ms + offset * 60000);
    const time = { weekday: (local.getUTCDay() + 6) % 7, minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
    lastLocalTime.set(timezone, { minuteKey, local: time });
    return time;
  }
  let weekday = 0;
  let hour = 0;
  let minute = 0;
  for (const part of getFormatter(timezone).formatToParts(date)) {
    if (part.type === 'weekday') weekday = WEEKDAY_INDEX[part.value] ?? 0;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  const local = { weekday, minute: hour * 60 + minute };
  lastLocalTime.set(timezone, { minuteKey, local });
  return local;
}

/** Zones at a fixed UTC offset (minutes) since {@link FIXED_SINCE_MS}: China's last DST ended in 1991. */
const FIXED_UTC_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map(
  ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'PRC', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei'].map((zone) => [zone, 480]),
);
const FIXED_SINCE_MS = Date.UTC(1992, 0, 1);

function getFormatter(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      weekday: 'short',
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
