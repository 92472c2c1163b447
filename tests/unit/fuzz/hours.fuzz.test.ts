/**
 * Property-based fuzzing of the service-hours parser and "open now": any text
 * a station publishes, any date and any time zone a page sets give an answer
 * from the documented set, never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getOpenStatus, isOpenAt } from '../../../src/hours/is-open.js';
import { MAX_HOURS_TEXT, parseHours } from '../../../src/hours/parse-hours.js';

/** Pieces of real hours notices, so random text reaches deep into the grammar instead of failing at once. */
const WORDS = [
  '24/7', '24小时', '全天', '08:00', '8:30', '20:00', '24:00', '00:00', '22:00', '06:00', '12:00', '25:00', '8点', '5点半',
  '9時30分', '-', '–', '至', '到', '~', ',', '，', '、', ';', '；', '。', '\n', ' ', '周一', '周五', '周六', '日', '星期天',
  '礼拜三', '週六', 'Mo', 'Fr', 'Sa', 'Su', 'Tu-Th', 'monday', 'PH', 'off', 'closed', '休息', '节假日', '工作日', '周末',
  '每天', 'daily', '上午', '下午', '晚上', '中午', '凌晨', '开放时间', '营业', '：', '（', '）', '(', ')', '[', '"', '＂',
  '０８：００', '－', '～', 'month', 'sale', '请电话咨询', 'constructor', '__proto__', '|', '&',
];

/** Hours text: word soup from real notices, random Unicode, and very long inputs. */
const hoursText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 16 }).map((words) => words.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('周一', 'Mo-Fr 08:00-18:00; ', '08:00-20:00,', '-', '至', ' '), fc.integer({ min: 40, max: 20_000 }))
      .map(([word, times]) => word.repeat(times)),
  },
);

// Any instant, also the invalid Date a bad `new Date(text)` gives.
const anyDate = fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: false });
const anyZone = fc.oneof(
  fc.constantFrom('Asia/Shanghai', 'Asia/Urumqi', 'UTC', 'America/Los_Angeles', 'Pacific/Chatham', 'Asia/Kathmandu'),
  fc.constantFrom('Not/AZone', '', 'asia/shanghai', '+08:00', '__proto__', 'constructor'),
  fc.string({ maxLength: 12 }),
);

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;

describe('hours (fuzz)', () => {
  it('parseHours never throws and returns null or a consistent weekly table', () => {
    fc.assert(
      fc.property(hoursText, (text) => {
        const hours = parseHours(text);
        if (hours === null) return;
        expect(Object.isFrozen(hours)).toBe(true);
        expect(hours.days).toHaveLength(7);
        const problems: string[] = [];
        hours.days.forEach((ranges, day) => {
          let lastEnd = -1;
          for (const [s, e] of ranges) {
            // Start within the day, end later but at most 24 h after midnight of the next day.
            if (!(Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < 1440 && e > s && e <= 2880)) {
              problems.push(`day ${day}: bad range [${s}, ${e}]`);
            }
            if (s <= lastEnd) problems.push(`day ${day}: ranges overlap or are out of order`);
            lastEnd = e;
          }
        });
        expect(problems).toEqual([]);
        const coversEveryDay = hours.days.every((list) => list.some(([s, e]) => s <= 0 && e >= 1440));
        expect(hours.always).toBe(coversEveryDay);
        expect(typeof hours.closedOnHolidays).toBe('boolean');
        // Cached results are shared: asking again gives the same answer.
        expect(parseHours(text)).toEqual(hours);
      }),
      { numRuns: 600 },
    );
  }, 30_000);

  it('reads long but plausible text and refuses text over the length limit quickly', () => {
    // 988 characters: still read.
    expect(parseHours('Mo-Fr 08:00-18:00; '.repeat(52))?.days[0]).toEqual([[480, 1080]]);
    // A 380 KB "hours" string once cost about half a second per render; now it is "unknown".
    expect(parseHours('Mo-Fr 08:00-18:00; '.repeat(20_000))).toBeNull();
    expect(parseHours(`${' '.repeat(MAX_HOURS_TEXT)}24/7`)).toBeNull();
    expect(getOpenStatus('08:00-20:00,'.repeat(20_000), new Date())).toEqual({ state: 'unknown' });
  });

  it('parseHours gives null for anything that is not a string', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withNullPrototype: true }), (value) => {
        if (typeof value === 'string') return;
        expect(parseHours(value as string)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('isOpenAt and getOpenStatus answer from the documented set and agree with each other', () => {
    fc.assert(
      fc.property(hoursText, anyDate, anyZone, (text, date, zone) => {
        const open = isOpenAt(text, date, zone);
        expect([true, false, null]).toContain(open);
        const status = getOpenStatus(text, date, zone);
        expect(['open', 'closed', 'unknown', 'always']).toContain(status.state);
        const parsed = parseHours(text);
        if (parsed === null) {
          expect(open).toBeNull();
          expect(status).toEqual({ state: 'unknown' });
          return;
        }
        // Round the clock stays open whatever the date; otherwise the two must say the same.
        const expectedOpen = { open: true, always: true, closed: false, unknown: null }[status.state];
        expect(open).toBe(expectedOpen);
        if (Number.isNaN(date.getTime()) && status.state !== 'always') expect(status.state).toBe('unknown');
        if (status.closesAt !== undefined) expect(status.closesAt).toMatch(TIME);
        if (status.opensAt !== undefined) expect(status.opensAt).toMatch(TIME);
        if (status.opensDay !== undefined) expect(Number.isInteger(status.opensDay) && status.opensDay >= 0 && status.opensDay <= 6).toBe(true);
        if (status.opensInDays !== undefined) {
          expect(Number.isInteger(status.opensInDays) && status.opensInDays >= 1 && status.opensInDays <= 15).toBe(true);
          expect(status.opensDay).toBeDefined();
        }
        if (status.state === 'open') expect(status.closesAt).toMatch(TIME);
        if (status.closedOnHolidays !== undefined) expect(status.closedOnHolidays).toBe(parsed.closedOnHolidays);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
