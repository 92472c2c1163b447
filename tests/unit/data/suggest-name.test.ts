import { describe, expect, it } from 'vitest';
import { editDistance, suggestName } from '../../../src/data/suggest-name.js';

const SERVICES = ['饮水', '热水', '如厕', '休息', '充电', '手机充电', '微波炉', '医药箱', '应急药品', 'water', 'toilet', 'charging'];

describe('suggestName', () => {
  it('finds the Chinese word an extra character crept into', () => {
    expect(suggestName('饮用水', SERVICES)).toBe('饮水');
    expect(suggestName('厕所', SERVICES)).toBe('如厕');
    expect(suggestName('充电宝', SERVICES)).toBe('充电');
    expect(suggestName('药箱', SERVICES)).toBe('医药箱');
  });

  it('finds a mistyped English id', () => {
    expect(suggestName('wtaer', SERVICES)).toBe('water');
    expect(suggestName('Toilets', SERVICES)).toBe('toilet');
  });

  it('suggests nothing for an unrelated value or an exact match', () => {
    expect(suggestName('停车场', SERVICES)).toBeNull();
    expect(suggestName('parking', SERVICES)).toBeNull();
    expect(suggestName('饮水', SERVICES)).toBeNull();
    expect(suggestName('  ', SERVICES)).toBeNull();
  });

  it('ignores full width and case', () => {
    expect(suggestName('ＷＡＴＥＲＳ', SERVICES)).toBe('water');
  });
});

describe('editDistance', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(editDistance('饮用水', '饮水')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('wtaer', 'water')).toBe(1);
    expect(editDistance('𠀀a', 'a')).toBe(1);
  });
});
