import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhoneNumbers } from '../../../src/data/phone-numbers.js';

const tels = (text: unknown) => parsePhoneNumbers(text).map((n) => n.tel);
const spans = (text: string) => parsePhoneNumbers(text).map((n) => text.slice(n.start, n.end));

describe('parsePhoneNumbers', () => {
  it('splits two numbers in one cell into two tel: URLs (was one run-together number)', () => {
    expect(tels('0538-6231234；13800000000')).toEqual(['tel:05386231234', 'tel:13800000000']);
    expect(spans('0538-6231234；13800000000')).toEqual(['0538-6231234', '13800000000']);
    for (const separator of [';', ',', '，', '、', '/', '／', ' 或 ', ' or ', '\n', ' ', '  ', ' / ']) {
      expect(tels(`0538-6231234${separator}13800000000`), JSON.stringify(separator)).toEqual(['tel:05386231234', 'tel:13800000000']);
    }
    expect(tels('6231234 6231235')).toEqual(['tel:6231234', 'tel:6231235']);
  });

  it('keeps a number written in groups together', () => {
    expect(tels('0538 623 1234')).toEqual(['tel:05386231234']);
    expect(tels('138 0000 0000')).toEqual(['tel:13800000000']);
    expect(tels('400-820-8820')).toEqual(['tel:4008208820']);
    expect(tels('(0538) 6231234')).toEqual(['tel:05386231234']);
    expect(tels('（0538）6231234')).toEqual(['tel:05386231234']);
    expect(tels('0538.623.1234')).toEqual(['tel:05386231234']);
  });

  it('dials an extension after a pause instead of gluing it onto the number', () => {
    expect(tels('0538-6231234 转 8001')).toEqual(['tel:05386231234,8001']);
    expect(spans('0538-6231234 转 8001')).toEqual(['0538-6231234 转 8001']);
    expect(tels('0538-6231234转8001')).toEqual(['tel:05386231234,8001']);
    expect(tels('0538-6231234 轉 8001')).toEqual(['tel:05386231234,8001']);
    expect(tels('0538-6231234 ext. 8001')).toEqual(['tel:05386231234,8001']);
    expect(tels('0538-6231234 分机 8001')).toEqual(['tel:05386231234,8001']);
    expect(tels('0538-6231234 转 8001；13800000000')).toEqual(['tel:05386231234,8001', 'tel:13800000000']);
  });

  it('leaves notes out of the digits', () => {
    expect(tels('12345（24小时）')).toEqual(['tel:12345']);
    expect(spans('12345（24小时）')).toEqual(['12345']);
    expect(tels('12345(24h)')).toEqual(['tel:12345']);
    expect(tels('0538-6231234（8:00-17:00）')).toEqual(['tel:05386231234']);
    expect(tels('0538-6231234 8:00-17:00')).toEqual(['tel:05386231234']);
    expect(tels('值班电话：0538-6231234（夜间）')).toEqual(['tel:05386231234']);
    expect(tels('电话:0538-6231234')).toEqual(['tel:05386231234']);
    expect(tels('Room A101')).toEqual([]);
    // A bracket right after a letter once looped forever (the list froze on this station).
    expect(tels('javascript:alert(1)')).toEqual([]);
    expect(tels('Tel(0538)6231234')).toEqual(['tel:05386231234']);
    expect(tels('Tel (0538) 6231234')).toEqual(['tel:05386231234']);
  });

  it('drops the trunk 0 after a country code', () => {
    expect(tels('+86 (0)538 6231234')).toEqual(['tel:+865386231234']);
    expect(tels('+86 0538 6231234')).toEqual(['tel:+865386231234']);
    expect(tels('+86 138 0000 0000')).toEqual(['tel:+8613800000000']);
    expect(tels('＋８６ １３８００００００００')).toEqual(['tel:+8613800000000']);
  });

  it('keeps short service numbers and refuses what is no number', () => {
    expect(tels('110')).toEqual(['tel:110']);
    expect(tels('12345')).toEqual(['tel:12345']);
    for (const text of ['', '  ', '暂无', 'none', '12', '+', '()', '（', null, 5, {}]) expect(tels(text)).toEqual([]);
    expect(tels('1'.repeat(40))).toEqual([]);
  });

  it('reads a huge or hostile text quickly and never throws', () => {
    const inputs = ['1'.repeat(200_000), '1 '.repeat(100_000), '('.repeat(100_000) + '1', '(1'.repeat(100_000), '转'.repeat(100_000), '-'.repeat(100_000)];
    for (const text of inputs) {
      const start = performance.now();
      parsePhoneNumbers(text);
      expect(performance.now() - start, text.slice(0, 10)).toBeLessThan(20);
    }
    // Numbers past the first 256 characters stay text.
    expect(tels(`${'说明'.repeat(200)} 13800000000`)).toEqual([]);
  });

  it('ends on any text, with spans in order inside it and tel: URLs of digits only (fuzz)', () => {
    const alphabet = fc.constantFrom(...'0123456789０１+＋ -.()（）[]【】;；,，、/转轉分机ext#x:：Tel小时abc\t\n'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(alphabet, { maxLength: 300 }).map((a) => a.join(''))), (text) => {
        let at = 0;
        for (const n of parsePhoneNumbers(text)) {
          expect(n.start).toBeGreaterThanOrEqual(at);
          expect(n.end).toBeGreaterThan(n.start);
          expect(n.end).toBeLessThanOrEqual(text.length);
          expect(n.tel).toMatch(/^tel:\+?\d{3,18}(,\d{1,6})?$/);
          at = n.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
