import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOpenStatus, isOpenAt } from '../../../src/hours/is-open.js';
import { parseHours } from '../../../src/hours/parse-hours.js';
import { DayKind, resolveDayKinds } from '../../../src/hours/holiday-calendar.js';
import { checkHolidayCalendar } from '../../../src/hours/check-holiday-calendar.js';
import { createStationFilter } from '../../../src/data/filter-stations.js';
import type { Station } from '../../../src/types.js';

// A moment in Beijing time, e.g. at('2025-10-01', '10:00').
const at = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

// The machine's own zone must not matter.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('the shipped calendar (China, from chinese-days)', () => {
  it('knows National Day 2025 and its make-up Saturday', () => {
    const kinds = resolveDayKinds();
    for (const d of ['2025-10-01', '2025-10-05', '2025-10-08', '2025-01-28', '2026-02-15']) expect(kinds.get(d), d).toBe(DayKind.Holiday);
    for (const d of ['2025-09-28', '2025-10-11', '2026-01-04']) expect(kinds.get(d), d).toBe(DayKind.Workday);
    for (const d of ['2025-10-09', '2025-10-12', '2025-10-13']) expect(kinds.get(d), d).toBeUndefined();
  });
});

describe('工作日 follows the official calendar', () => {
  const hours = '工作日 09:00-17:00';

  it('is closed on 2025-10-01, a Wednesday that is National Day', () => {
    expect(isOpenAt(hours, at('2025-10-01', '10:00'))).toBe(false);
    // The Wednesday before is an ordinary working day.
    expect(isOpenAt(hours, at('2025-09-24', '10:00'))).toBe(true);
  });

  it('is open on 2025-10-11, a Saturday worked in exchange (调休)', () => {
    expect(isOpenAt(hours, at('2025-10-11', '10:00'))).toBe(true);
    expect(isOpenAt(hours, at('2025-10-11', '18:00'))).toBe(false);
    // The Saturday after is an ordinary weekend day.
    expect(isOpenAt(hours, at('2025-10-18', '10:00'))).toBe(false);
  });

  it('says when it opens after the holiday week', () => {
    // National Day runs 10-01 to 10-08; Thursday 10-09 is the next working day.
    expect(getOpenStatus(hours, at('2025-10-01', '10:00'))).toEqual({ state: 'closed', opensAt: '09:00', opensDay: 3, opensInDays: 8 });
    // The make-up Sunday 2025-09-28 opens, and on it the status says so.
    expect(getOpenStatus(hours, at('2025-09-28', '10:00'))).toEqual({ state: 'open', closesAt: '17:00' });
    // Friday 10-10 evening: next opening is the make-up Saturday, tomorrow.
    expect(getOpenStatus(hours, at('2025-10-10', '18:00'))).toEqual({ state: 'closed', opensAt: '09:00', opensDay: 5, opensInDays: 1 });
  });

  it('keeps its hours for the other days of a rule', () => {
    // `周末 10:00-14:00` is not touched by the holiday: 10-04 is a Saturday in the holiday.
    expect(isOpenAt('工作日 09:00-17:00；周末 10:00-14:00', at('2025-10-04', '11:00'))).toBe(true);
    // An explicit weekday rule after 工作日 replaces it for that day and is read literally.
    expect(isOpenAt('工作日 09:00-17:00；周三 08:00-12:00', at('2025-10-01', '09:00'))).toBe(true);
  });
});

describe('节假日休息, 法定节假日闭站, PH off', () => {
  it.each([
    ['周一至周日 09:00-17:00，节假日休息'],
    ['每天 9:00-17:00，法定节假日闭站'],
    ['Mo-Su 09:00-17:00; PH off'],
    ['24小时，节假日休息'],
  ])('%s is closed on a holiday and open the day after', (hours) => {
    expect(isOpenAt(hours, at('2025-10-01', '10:00'))).toBe(false);
    expect(isOpenAt(hours, at('2025-10-09', '10:00'))).toBe(true);
    expect(parseHours(hours)!.closedOnHolidays).toBe(true);
  });

  it('a round-the-clock station closed on holidays is not "always" open', () => {
    expect(getOpenStatus('24小时，节假日休息', at('2025-10-01', '10:00'))).toMatchObject({ state: 'closed', opensAt: '00:00', opensInDays: 8 });
    // The day after, open again, round the clock for the next two weeks.
    expect(getOpenStatus('24小时，节假日休息', at('2025-10-09', '10:00'))).toEqual({ state: 'always', closedOnHolidays: true });
    expect(getOpenStatus('24小时，节假日休息', at('2025-09-30', '10:00'))).toEqual({ state: 'open', closesAt: '24:00', closedOnHolidays: true });
    // Far from any holiday it is still "open 24 hours".
    expect(getOpenStatus('24小时，节假日休息', at('2025-11-12', '10:00'))).toEqual({ state: 'always', closedOnHolidays: true });
  });

  it('PH hours replace the weekday hours on a holiday', () => {
    expect(isOpenAt('Mo-Fr 08:00-18:00; PH 10:00-12:00', at('2025-10-01', '09:00'))).toBe(false);
    expect(isOpenAt('Mo-Fr 08:00-18:00; PH 10:00-12:00', at('2025-10-01', '11:00'))).toBe(true);
    // Even on a weekend holiday (2025-10-04 is a Saturday).
    expect(isOpenAt('Mo-Fr 08:00-18:00; PH 10:00-12:00', at('2025-10-04', '11:00'))).toBe(true);
  });

  it('ranges past midnight stop at a holiday and respect the day before', () => {
    // Tuesday 09-30 22:00 to Wednesday 06:00: the night that begins before the holiday runs on.
    expect(isOpenAt('Mo-Fr 22:00-06:00; PH off', at('2025-10-01', '03:00'))).toBe(true);
    // The holiday's own night does not open.
    expect(isOpenAt('Mo-Fr 22:00-06:00; PH off', at('2025-10-01', '23:00'))).toBe(false);
    expect(isOpenAt('Mo-Fr 22:00-06:00; PH off', at('2025-10-02', '03:00'))).toBe(false);
  });

  it('without a closing note a holiday keeps its weekday hours', () => {
    expect(isOpenAt('周一至周五 08:00-18:00', at('2025-10-01', '10:00'))).toBe(true);
    expect(isOpenAt('每天 8:00-20:00', at('2025-10-01', '10:00'))).toBe(true);
  });
});

describe('a page-supplied calendar', () => {
  // 2027 is not in the shipped calendar; a page adds it.
  const holidays = { holidays: ['2027-01-01'], workdays: ['2027-01-09'] };

  it('adds dates the shipped calendar does not have', () => {
    expect(isOpenAt('工作日 09:00-17:00', at('2027-01-01', '10:00'))).toBe(true); // a Friday, unknown holiday
    expect(isOpenAt('工作日 09:00-17:00', at('2027-01-01', '10:00'), { holidays })).toBe(false);
    expect(isOpenAt('工作日 09:00-17:00', at('2027-01-09', '10:00'), { holidays })).toBe(true); // a Saturday
    expect(getOpenStatus('节假日休息；每天 8:00-20:00', at('2027-01-01', '10:00'), { holidays })).toMatchObject({ state: 'closed' });
  });

  it('keeps the shipped dates, and a date it lists wins over the shipped one', () => {
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), { holidays })).toBe(false);
    const correction = { holidays: [], workdays: ['2025-10-01'] };
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), { holidays: correction })).toBe(true);
  });

  it('null turns the calendar off; a string option is still the time zone', () => {
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), { holidays: null })).toBe(true);
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), 'Asia/Shanghai')).toBe(false);
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), { timezone: 'Asia/Shanghai' })).toBe(false);
  });

  it('reports what is wrong with bad input and uses the valid dates', () => {
    const bad = { holidays: ['2027-1-1', '2027-01-01', 5], workdays: 'x' } as unknown as typeof holidays;
    expect(checkHolidayCalendar(bad)).toEqual([
      'holidays: "2027-1-1" is not an ISO date (YYYY-MM-DD)',
      'holidays: 5 is not an ISO date (YYYY-MM-DD)',
      'workdays must be an array of ISO dates',
    ]);
    expect(checkHolidayCalendar('2027')).toHaveLength(1);
    expect(checkHolidayCalendar(holidays)).toEqual([]);
    expect(isOpenAt('工作日 09:00-17:00', at('2027-01-01', '10:00'), { holidays: bad })).toBe(false);
    expect(isOpenAt('工作日 09:00-17:00', at('2025-10-01', '10:00'), { holidays: 'junk' as unknown as typeof holidays })).toBe(false);
  });

  it('the station filter honours it', () => {
    const station = { type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates: [117, 36] }, properties: { name: 'a', hours: '工作日 09:00-17:00' } } as unknown as Station;
    expect(createStationFilter({ openNow: true }, { now: at('2027-01-01', '10:00') })!(station)).toBe(true);
    expect(createStationFilter({ openNow: true }, { now: at('2027-01-01', '10:00'), holidays })!(station)).toBe(false);
    expect(createStationFilter({ openNow: true }, { now: at('2025-10-11', '10:00') })!(station)).toBe(true);
  });
});

describe('later OSM rules override earlier ones for the same day', () => {
  it('Fr 08:00-12:00; We-Sa off is closed on Friday (not "hours unknown")', () => {
    const hours = 'Fr 08:00-12:00; We-Sa off';
    expect(parseHours(hours)).not.toBeNull();
    expect(isOpenAt(hours, at('2025-10-17', '09:00'))).toBe(false);
    expect(getOpenStatus(hours, at('2025-10-17', '09:00'))).toEqual({ state: 'closed' });
  });

  it('keeps the days the later rule does not name', () => {
    const hours = 'Mo-Fr 08:00-12:00; We-Sa off';
    expect(isOpenAt(hours, at('2025-10-13', '09:00'))).toBe(true); // Monday
    expect(isOpenAt(hours, at('2025-10-15', '09:00'))).toBe(false); // Wednesday
    expect(isOpenAt(hours, at('2025-10-17', '09:00'))).toBe(false); // Friday
  });

  it('a closing rule alone still means "hours unknown"', () => {
    expect(parseHours('Su off')).toBeNull();
    expect(parseHours('PH off')).toBeNull();
    expect(isOpenAt('Su off', at('2025-10-13', '09:00'))).toBeNull();
  });
});
