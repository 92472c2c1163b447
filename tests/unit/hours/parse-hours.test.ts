import { describe, expect, it } from 'vitest';
import { parseHours, type WeeklyHours } from '../../../src/hours/parse-hours.js';

/** Renders a week as 7 strings (Monday first), e.g. `08:00-12:00,14:00-18:00`; '' is closed. */
function renderWeek(hours: WeeklyHours): string[] {
  const hhmm = (m: number): string =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return hours.days.map((ranges) => ranges.map(([s, e]) => `${hhmm(s)}-${hhmm(e)}`).join(','));
}

const every = (range: string): string[] => Array(7).fill(range);
const weekdaysAndWeekend = (weekdays: string, weekend: string): string[] => [
  ...Array(5).fill(weekdays),
  weekend,
  weekend,
];

describe('parseHours: round the clock', () => {
  it.each(['24/7', '24小时', '24 小时', '24小時', '全天', '全天候', '24h', 'Mo-Su 00:00-24:00', '00:00-24:00', '每天24小时开放', '全天24小时'])(
    '%s is open always',
    (text) => {
      const hours = parseHours(text);
      expect(hours?.always).toBe(true);
      expect(renderWeek(hours!)).toEqual(every('00:00-24:00'));
    },
  );

  it('24 hours on weekdays only is not "always"', () => {
    const hours = parseHours('周一至周五 24小时');
    expect(hours?.always).toBe(false);
    expect(renderWeek(hours!)).toEqual(weekdaysAndWeekend('00:00-24:00', ''));
  });
});

describe('parseHours: one daily range in every spelling', () => {
  it.each([
    '08:00-20:00',
    '8:00-20:00',
    '8:00—20:00',
    '8:00–20:00',
    '8:00~20:00',
    '8:00～20:00',
    '8:00至20:00',
    '8:00到20:00',
    '8点-20点',
    '8点至20点',
    '08 : 00 - 20 : 00',
    '０８：００－２０：００',
    '８：００—２０：００',
    '每天 08:00-20:00',
    '每日8:00-20:00',
    '开放时间：8:00-20:00',
    '全年无休 8:00-20:00',
    '上午8:00-晚上8:00',
    'Mo-Su 08:00-20:00',
  ])('%s → every day 08:00-20:00', (text) => {
    expect(renderWeek(parseHours(text)!)).toEqual(every('08:00-20:00'));
  });

  it.each([
    ['上午8:30-下午5:30', '08:30-17:30'],
    ['8点半-17点半', '08:30-17:30'],
    ['8时30分-17时30分', '08:30-17:30'],
    ['中午12点-下午2点', '12:00-14:00'],
  ])('%s → %s', (text, range) => {
    expect(renderWeek(parseHours(text)!)).toEqual(every(range));
  });
});

describe('parseHours: days of the week', () => {
  it.each([
    ['周一至周五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['周一到周五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['星期一至星期五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['礼拜一至礼拜五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['週一至週五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['周一至五 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['工作日 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['周一至周五：08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['周一至周五，08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['Mo-Fr 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['Mon-Fri 08:00-18:00', weekdaysAndWeekend('08:00-18:00', '')],
    ['周六、周日 09:00-12:00', weekdaysAndWeekend('', '09:00-12:00')],
    ['周六日 09:00-12:00', weekdaysAndWeekend('', '09:00-12:00')],
    ['周末 09:00-12:00', weekdaysAndWeekend('', '09:00-12:00')],
    ['Sa,Su 09:00-12:00', weekdaysAndWeekend('', '09:00-12:00')],
    ['Sa-Su 09:00-12:00', weekdaysAndWeekend('', '09:00-12:00')],
    ['Mo,We,Fr 09:00-12:00', ['09:00-12:00', '', '09:00-12:00', '', '09:00-12:00', '', '']],
    ['Sa-Mo 10:00-16:00', ['10:00-16:00', '', '', '', '', '10:00-16:00', '10:00-16:00']],
    ['周五至周一 10:00-16:00', ['10:00-16:00', '', '', '', '10:00-16:00', '10:00-16:00', '10:00-16:00']],
  ])('%s', (text, expected) => {
    expect(renderWeek(parseHours(text)!)).toEqual(expected);
  });
});

describe('parseHours: several clauses', () => {
  const officeWeek = weekdaysAndWeekend('08:00-18:00', '09:00-12:00');
  it.each([
    'Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00',
    'Mo-Fr 08:00-18:00, Sa,Su 09:00-12:00',
    '周一至周五 08:00-18:00；周六、周日 09:00-12:00',
    '周一至周五 08:00-18:00;周六、周日 09:00-12:00',
    '周一至周五 08:00-18:00，周六、周日 09:00-12:00',
    '周一至周五 08:00-18:00,周末 09:00-12:00',
    '周一至周五 08:00-18:00\n周六、周日 09:00-12:00',
    '周一至周五 08:00-18:00 周六至周日 09:00-12:00',
    '周一至周五08:00-18:00。周末09:00-12:00。',
  ])('%s', (text) => {
    expect(renderWeek(parseHours(text)!)).toEqual(officeWeek);
  });

  it.each([
    ['08:00-12:00,14:00-18:00', every('08:00-12:00,14:00-18:00')],
    ['08:00-12:00、14:00-18:00', every('08:00-12:00,14:00-18:00')],
    ['08:00-12:00 14:00-18:00', every('08:00-12:00,14:00-18:00')],
    ['Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00', [...Array(5).fill('08:00-12:00,14:00-18:00'), '09:00-12:00', '']],
    ['周一至周五 上午8:00-12:00，下午2:00-6:00', weekdaysAndWeekend('08:00-12:00,14:00-18:00', '')],
    ['14:00-18:00,08:00-12:00', every('08:00-12:00,14:00-18:00')],
    ['08:00-14:00,12:00-18:00', every('08:00-18:00')],
  ])('several ranges a day: %s', (text, expected) => {
    expect(renderWeek(parseHours(text)!)).toEqual(expected);
  });
});

describe('parseHours: closed days, later rules win', () => {
  it.each([
    ['Mo-Sa 08:00-20:00; Su off', [...Array(6).fill('08:00-20:00'), '']],
    ['Mo-Su 08:00-20:00; Sa,Su off', weekdaysAndWeekend('08:00-20:00', '')],
    ['Mo-Su 08:00-20:00; Sa,Su closed', weekdaysAndWeekend('08:00-20:00', '')],
    ['每天 8:00-20:00，周日休息', [...Array(6).fill('08:00-20:00'), '']],
    ['8:00-20:00，周一闭馆', ['', ...Array(6).fill('08:00-20:00')]],
    ['周一至周五 8:00-18:00；周六日休息', weekdaysAndWeekend('08:00-18:00', '')],
    ['Mo-Fr 08:00-18:00; We 08:00-12:00', ['08:00-18:00', '08:00-18:00', '08:00-12:00', '08:00-18:00', '08:00-18:00', '', '']],
    ['Sa 09:00-12:00; Mo-Su 10:00-11:00', every('10:00-11:00')],
  ])('%s', (text, expected) => {
    expect(renderWeek(parseHours(text)!)).toEqual(expected);
  });

  it.each(['off', 'closed', '休息'])('a bare "%s" is closed every day', (text) => {
    expect(renderWeek(parseHours(text)!)).toEqual(every(''));
  });

  it('"Su off" alone says nothing about when it is open: unknown', () => {
    expect(parseHours('Su off')).toBeNull();
  });
});

describe('parseHours: public holidays', () => {
  it.each([
    ['周一至周五 08:00-18:00，节假日休息', true],
    ['周一至周五 08:00-18:00；法定节假日休息', true],
    ['周一至周五 08:00-18:00（节假日除外）', true],
    ['周一至周五 8:00-18:00，周六日及节假日休息', true],
    ['Mo-Fr 08:00-18:00; PH off', true],
    ['Mo-Fr 08:00-18:00; Sa,Su,PH off', true],
    ['Mo-Fr 08:00-18:00; PH 09:00-12:00', false],
    ['周一至周五 08:00-18:00，节假日照常开放', false],
    ['周一至周五 08:00-18:00', false],
  ])('%s → closedOnHolidays %s, weekdays unchanged', (text, closed) => {
    const hours = parseHours(text)!;
    expect(hours.closedOnHolidays).toBe(closed);
    expect(renderWeek(hours)).toEqual(weekdaysAndWeekend('08:00-18:00', ''));
  });

  it('holidays alone give no weekly hours', () => {
    expect(parseHours('PH off')).toBeNull();
    expect(parseHours('节假日休息')).toBeNull();
  });
});

describe('parseHours: past midnight', () => {
  it.each([
    ['22:00-06:00', every('22:00-30:00')],
    ['Fr-Sa 20:00-02:00', ['', '', '', '', '20:00-26:00', '20:00-26:00', '']],
    ['Su 18:00-03:00', ['', '', '', '', '', '', '18:00-27:00']],
    ['Mo-Su 18:00-26:00', every('18:00-26:00')],
    ['晚上10点-早上6点', every('22:00-30:00')],
    ['08:00-08:00', every('08:00-32:00')],
  ])('%s is stored on the day it starts', (text, expected) => {
    expect(renderWeek(parseHours(text)!)).toEqual(expected);
  });
});

describe('parseHours: unknown text is null, never an error', () => {
  it.each([
    null,
    undefined,
    '',
    '   ',
    '请电话咨询',
    '以现场公示为准',
    '夏季 8:00-18:00 冬季 8:30-17:30',
    '25:00-26:00',
    '08:61-20:00',
    '08:00',
    '08:00-',
    '-20:00',
    '周一至周五',
    'Mo-Fr',
    'sometimes',
    'Month 08:00-20:00',
    '2024年5月1日起 8:00-20:00',
    '8-20',
  ])('%j', (text) => {
    expect(parseHours(text)).toBeNull();
  });
});

describe('parseHours: caching', () => {
  it('returns the same frozen object for the same text', () => {
    const a = parseHours('Mo-Fr 08:00-18:00');
    const b = parseHours('Mo-Fr 08:00-18:00');
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a!.days[0])).toBe(true);
  });

  it('stays correct once the cache is full', () => {
    const pad = (n: number): string => String(n).padStart(2, '0');
    for (let i = 0; i < 12_000; i++) {
      const text = `Mo ${pad(Math.floor(i / 60) % 24)}:${pad(i % 60)}-24:00; Tu ${pad(Math.floor(i / 1440))}:00-24:00`;
      const hours = parseHours(text)!;
      expect(hours.days[0]).toEqual([[(Math.floor(i / 60) % 24) * 60 + (i % 60), 1440]]);
      expect(parseHours(text)).toEqual(hours);
    }
    expect(renderWeek(parseHours('Mo-Fr 08:00-18:00')!)).toEqual(weekdaysAndWeekend('08:00-18:00', ''));
    expect(parseHours('请电话咨询')).toBeNull();
  });
});

describe('parseHours: morning and afternoon words', () => {
  it.each([
    ['下午2:00-6:00', '14:00-18:00'],
    ['晚上8点-2点', '20:00-26:00'],
    ['上午9点-11点', '09:00-11:00'],
  ])('%s → %s', (text, range) => {
    expect(renderWeek(parseHours(text)!)).toEqual(every(range));
  });
});
