/**
 * China's public holidays and make-up working days (调休), the calendar "工作日", "节假日休息"
 * and OSM `PH` are read against.
 */
import type { HolidayCalendar } from '../types.js';
import { CHINA_CALENDAR } from './china-calendar.js';

export type { HolidayCalendar };

/** What a date is: an ordinary day of its weekday, a public holiday, or a make-up working day. */
export const DayKind = { Normal: 0, Holiday: 1, Workday: 2 } as const;
/** One of {@link DayKind}'s values. */
export type DayKind = (typeof DayKind)[keyof typeof DayKind];

/** Date → kind, for the dates that are not ordinary. */
export type DayKinds = ReadonlyMap<string, DayKind>;

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const EMPTY: DayKinds = new Map();
let builtIn: DayKinds | null = null;
const merged = new WeakMap<HolidayCalendar, DayKinds>();

/**
 * The dates `calendar` marks, on top of China's published calendar (shipped, 2020 onward): a date
 * the page lists wins over the shipped one, so a page adds next year's dates or corrects one.
 * `null` means no calendar at all (every date is its weekday). Entries that are not ISO dates
 * are ignored; {@link checkHolidayCalendar} says which.
 */
export function resolveDayKinds(calendar?: HolidayCalendar | null): DayKinds {
  if (calendar === null) return EMPTY;
  builtIn ??= readChinaCalendar(CHINA_CALENDAR);
  // A page's junk (a string, a number) leaves the shipped calendar; checkHolidayCalendar reports it.
  if (typeof calendar !== 'object') return builtIn;
  let kinds = merged.get(calendar);
  if (!kinds) {
    const map = new Map(builtIn);
    const add = (dates: unknown, kind: DayKind) => {
      if (Array.isArray(dates)) for (const date of dates) if (typeof date === 'string' && ISO_DATE.test(date)) map.set(date, kind);
    };
    add(calendar.holidays, DayKind.Holiday);
    add(calendar.workdays, DayKind.Workday);
    merged.set(calendar, (kinds = map));
  }
  return kinds;
}

/** Decodes the compact form written by scripts/generate-holidays.mjs (see china-calendar.ts). */
export function readChinaCalendar(encoded: string): DayKinds {
  const kinds = new Map<string, DayKind>();
  for (const entry of encoded.split(';')) {
    const [year, lists] = entry.split(':') as [string, string];
    lists.split('|').forEach((list, i) => {
      for (const item of list ? list.split(',') : []) {
        const [mmdd, extra] = item.split('+') as [string, string?];
        const start = Date.UTC(Number(year), Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2)));
        for (let d = 0; d <= Number(extra ?? 0); d++) {
          kinds.set(new Date(start + d * 86_400_000).toISOString().slice(0, 10), i ? DayKind.Workday : DayKind.Holiday);
        }
      }
    });
  }
  return kinds;
}
