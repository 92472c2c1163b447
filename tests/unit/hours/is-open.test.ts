import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLocalTime, getOpenStatus, isOpenAt } from '../../../src/hours/is-open.js';

// 2024-05-06 is a Monday. `at(0, '08:00')` is Monday 08:00 in Shanghai (UTC+8).
const DAYS = ['06', '07', '08', '09', '10', '11', '12', '13'];
const at = (day: number, time: string): Date => new Date(`2024-05-${DAYS[day]}T${time}:00+08:00`);
const MON = 0;
const TUE = 1;
const FRI = 4;
const SAT = 5;
const SUN = 6;
const NEXT_MON = 7;

// The machine's own zone must not matter: run everything on a clock far from Shanghai.
const savedTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'America/Los_Angeles';
});
afterAll(() => {
  process.env.TZ = savedTz;
});

describe('isOpenAt: minute edges', () => {
  it.each([
    ['08:00-20:00', MON, '07:59', false],
    ['08:00-20:00', MON, '08:00', true],
    ['08:00-20:00', MON, '19:59', true],
    ['08:00-20:00', MON, '20:00', false],
    ['08:00-12:00,14:00-18:00', TUE, '12:00', false],
    ['08:00-12:00,14:00-18:00', TUE, '13:59', false],
    ['08:00-12:00,14:00-18:00', TUE, '14:00', true],
    ['Mo-Su 00:00-24:00', SUN, '23:59', true],
    ['Mo-Su 00:00-24:00', MON, '00:00', true],
    ['00:00-12:00', MON, '00:00', true],
    ['12:00-24:00', MON, '23:59', true],
    ['12:00-24:00', TUE, '00:00', false],
  ])('%s on day %i at %s → %s', (hours, day, time, expected) => {
    expect(isOpenAt(hours, at(day, time))).toBe(expected);
  });
});

describe('isOpenAt: days of the week', () => {
  it.each([
    ['周一至周五 08:00-18:00', FRI, '10:00', true],
    ['周一至周五 08:00-18:00', SAT, '10:00', false],
    ['周一至周五 08:00-18:00', SUN, '10:00', false],
    ['Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00', SAT, '08:30', false],
    ['Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00', SAT, '09:30', true],
    ['Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00', SUN, '12:00', false],
    ['每天 8:00-20:00，周日休息', SUN, '10:00', false],
    ['每天 8:00-20:00，周日休息', SAT, '10:00', true],
    ['周一至周五 08:00-18:00，节假日休息', MON, '10:00', true],
  ])('%s on day %i at %s → %s', (hours, day, time, expected) => {
    expect(isOpenAt(hours, at(day, time))).toBe(expected);
  });
});

describe('isOpenAt: past midnight and the week wrap', () => {
  it.each([
    ['22:00-06:00', MON, '21:59', false],
    ['22:00-06:00', MON, '22:00', true],
    ['22:00-06:00', TUE, '03:00', true],
    ['22:00-06:00', TUE, '05:59', true],
    ['22:00-06:00', TUE, '06:00', false],
    ['Fr 22:00-06:00', SAT, '05:00', true],
    ['Fr 22:00-06:00', SUN, '05:00', false],
    ['Fr 22:00-06:00', FRI, '05:00', false],
    // Sunday night runs into Monday morning.
    ['Su 22:00-06:00', NEXT_MON, '05:00', true],
    ['Su 22:00-06:00', MON, '05:00', true],
    ['Su 22:00-06:00', TUE, '05:00', false],
    ['Mo 22:00-06:00', SUN, '05:00', false],
  ])('%s on day %i at %s → %s', (hours, day, time, expected) => {
    expect(isOpenAt(hours, at(day, time))).toBe(expected);
  });
});

describe('isOpenAt: time zones', () => {
  it('uses the Shanghai day when the UTC day differs', () => {
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai.
    const date = new Date('2024-05-05T20:00:00Z');
    expect(date.getUTCDay()).toBe(0);
    expect(isOpenAt('Mo 00:00-06:00', date)).toBe(true);
    expect(isOpenAt('Su 00:00-24:00', date)).toBe(false);
    expect(isOpenAt('Su 00:00-24:00', date, 'UTC')).toBe(true);
    expect(getLocalTime(date)).toEqual({ weekday: 0, minute: 4 * 60, date: '2024-05-06' });
  });

  it('reads the last dates a Date can hold in Shanghai (the shifted local time would not fit one)', () => {
    const last = new Date(8.64e15); // +275760-09-13T00:00:00Z
    expect(getLocalTime(last)).toMatchObject({ minute: 8 * 60 });
    expect(getLocalTime(new Date(8.64e15 - 3 * 3600e3))).toMatchObject({ minute: 5 * 60 });
    expect(isOpenAt('24/7', last)).toBe(true);
  });

  it('evaluates in another zone, summer time included', () => {
    // 07:30 in Berlin (UTC+2 in May) is 13:30 in Shanghai.
    const date = new Date('2024-05-06T07:30:00+02:00');
    expect(isOpenAt('08:00-20:00', date, 'Europe/Berlin')).toBe(false);
    expect(isOpenAt('08:00-20:00', date)).toBe(true);
    expect(isOpenAt('08:00-20:00', new Date('2024-05-06T08:00:00+02:00'), 'Europe/Berlin')).toBe(true);
    // Winter: 08:00 in Berlin is UTC+1.
    expect(isOpenAt('08:00-20:00', new Date('2024-01-08T07:30:00+01:00'), 'Europe/Berlin')).toBe(false);
    expect(isOpenAt('08:00-20:00', new Date('2024-01-08T08:00:00+01:00'), 'Europe/Berlin')).toBe(true);
  });

  it('falls back to Shanghai for an unknown zone instead of throwing', () => {
    expect(isOpenAt('08:00-20:00', at(MON, '13:30'), 'Mars/Olympus')).toBe(true);
    expect(isOpenAt('08:00-20:00', at(MON, '21:00'), 'Mars/Olympus')).toBe(false);
  });

  it('answers consecutive minutes correctly (per-minute memo)', () => {
    expect(isOpenAt('08:00-20:00', at(MON, '19:59'))).toBe(true);
    expect(isOpenAt('08:00-20:00', new Date(at(MON, '19:59').getTime() + 59_999))).toBe(true);
    expect(isOpenAt('08:00-20:00', at(MON, '20:00'))).toBe(false);
  });
});

describe('isOpenAt: unknown', () => {
  it.each([null, undefined, '', '请电话咨询', 'Su off'])('%j → null', (hours) => {
    expect(isOpenAt(hours, at(MON, '10:00'))).toBeNull();
  });

  it('an invalid date → null', () => {
    expect(isOpenAt('08:00-20:00', new Date('nope'))).toBeNull();
  });

  it.each(['24/7', '24小时', '全天'])('%s is open at any time', (hours) => {
    expect(isOpenAt(hours, at(SUN, '03:17'))).toBe(true);
    expect(isOpenAt(hours, new Date('nope'))).toBe(true);
  });
});

describe('getOpenStatus', () => {
  it.each([
    ['08:00-20:00', MON, '12:00', { state: 'open', closesAt: '20:00' }],
    ['08:00-20:00', MON, '07:00', { state: 'closed', opensAt: '08:00' }],
    ['08:00-20:00', MON, '20:00', { state: 'closed', opensAt: '08:00', opensDay: TUE, opensInDays: 1 }],
    ['08:00-12:00,14:00-18:00', MON, '12:30', { state: 'closed', opensAt: '14:00' }],
    ['Mo-Fr 08:00-18:00', FRI, '18:00', { state: 'closed', opensAt: '08:00', opensDay: MON, opensInDays: 3 }],
    ['Mo-Fr 08:00-18:00', SUN, '09:00', { state: 'closed', opensAt: '08:00', opensDay: MON, opensInDays: 1 }],
    ['Mo 08:00-09:00', MON, '10:00', { state: 'closed', opensAt: '08:00', opensDay: MON, opensInDays: 7 }],
    ['22:00-06:00', TUE, '03:00', { state: 'open', closesAt: '06:00' }],
    ['12:00-24:00', MON, '13:00', { state: 'open', closesAt: '24:00' }],
    // Open until midnight and again from midnight: the close is the next morning's.
    ['Mo-Su 00:00-02:00,12:00-24:00', MON, '23:00', { state: 'open', closesAt: '02:00' }],
    ['Su 20:00-24:00; Mo 00:00-03:00', SUN, '23:00', { state: 'open', closesAt: '03:00' }],
    ['Su 22:00-06:00', SUN, '23:00', { state: 'open', closesAt: '06:00' }],
    ['Su 22:00-06:00', NEXT_MON, '05:00', { state: 'open', closesAt: '06:00' }],
    ['Su 22:00-06:00', NEXT_MON, '06:00', { state: 'closed', opensAt: '22:00', opensDay: SUN, opensInDays: 6 }],
    ['off', MON, '10:00', { state: 'closed' }],
    ['24/7', MON, '10:00', { state: 'always' }],
    ['Mo-Su 00:00-24:00', MON, '10:00', { state: 'always' }],
    ['00:00-12:00,12:00-24:00', MON, '10:00', { state: 'always' }],
    ['请电话咨询', MON, '10:00', { state: 'unknown' }],
    [
      '周一至周五 08:00-18:00，节假日休息',
      MON,
      '10:00',
      { state: 'open', closesAt: '18:00', closedOnHolidays: true },
    ],
  ])('%s on day %i at %s', (hours, day, time, expected) => {
    expect(getOpenStatus(hours, at(day, time))).toEqual(expected);
  });

  it('uses the given zone', () => {
    expect(getOpenStatus('08:00-20:00', new Date('2024-05-06T07:30:00+02:00'), 'Europe/Berlin')).toEqual({
      state: 'closed',
      opensAt: '08:00',
    });
  });

  it('agrees with isOpenAt at every quarter hour of a week', () => {
    const samples = ['Mo-Fr 08:00-18:00; Sa 22:00-03:00; Su off', '22:00-06:00', '08:00-12:00,14:00-18:00', 'Su 23:00-01:00'];
    for (const hours of samples) {
      for (let m = 0; m < 7 * 24 * 60; m += 15) {
        const date = new Date(at(MON, '00:00').getTime() + m * 60_000);
        const state = getOpenStatus(hours, date).state;
        expect(state === 'open', `${hours} at +${m} min`).toBe(isOpenAt(hours, date));
      }
    }
  });
});

describe('isOpenAt: many stations', () => {
  it('answers a million checks over shared hours strings consistently (timings: npm run bench)', () => {
    const texts = ['08:00-20:00', 'Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00', '24小时', '周一至周五 8:00-18:00，节假日休息', '请电话咨询'];
    const now = at(TUE, '10:00');
    let open = 0;
    for (let i = 0; i < 1_000_000; i++) if (isOpenAt(texts[i % texts.length], now)) open++;
    expect(open).toBe(800_000);
  });
});

describe('getLocalTime in China’s zones (computed without Intl)', () => {
  it('agrees with Intl for 2,000 instants since 1992 in every UTC+8 zone, and for the Intl-only zones', () => {
    let state = 7;
    const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const zones = ['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Harbin', 'PRC', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Urumqi', 'Europe/Berlin'];
    const formats = new Map(
      zones.map((zone) => [
        zone,
        new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
      ]),
    );
    for (let i = 0; i < 2000; i++) {
      const date = new Date(Date.UTC(1992, 0, 1) + Math.floor(random() * 40 * 365.25 * 86400000));
      for (const zone of zones) {
        const parts = formats.get(zone)!.formatToParts(date);
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday'));
        expect(getLocalTime(date, zone), `${zone} ${date.toISOString()}`).toEqual({
          weekday,
          minute: Number(part('hour')) * 60 + Number(part('minute')),
          date: `${part('year')}-${part('month')}-${part('day')}`,
        });
      }
    }
  });

  it('leaves dates before 1992 (China had summer time until 1991) and odd zone names to Intl', () => {
    // 1988-07-01 12:00 UTC was 21:00 in Beijing under summer time (UTC+9).
    expect(getLocalTime(new Date(Date.UTC(1988, 6, 1, 12)), 'Asia/Shanghai')).toEqual({ weekday: 4, minute: 21 * 60, date: '1988-07-01' });
    expect(getLocalTime(new Date(Date.UTC(2024, 4, 5, 20)), 'constructor')).toEqual(getLocalTime(new Date(Date.UTC(2024, 4, 5, 20)), 'Asia/Shanghai'));
  });
});

describe('getOpenStatus at the end of time', () => {
  // Found by the fuzz test: hours that follow the holiday calendar looked up dates past the last
  // one a Date can hold (the year 275760) and threw a RangeError.
  it('answers for the last instant a Date can hold, from the weekday hours there', () => {
    const last = new Date('+275760-08-29T16:00:00.000Z');
    expect(getOpenStatus('节假日24/724/7', last, '')).toEqual({ state: 'always' });
    expect(getOpenStatus('工作日 08:00-18:00', new Date(8.64e15)).state).toMatch(/^(open|closed)$/);
  });
});
