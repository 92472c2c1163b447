import { describe, expect, it } from 'vitest';
import { resolveLang } from '../../../src/i18n/resolve-lang.js';
import { loadedStrings, loadStrings } from '../../../src/i18n/string-tables.js';

describe('resolveLang', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-cn', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-Hans-HK', 'zh-CN'],
    ['ZH', 'zh-CN'],
    [' zh-CN ', 'zh-CN'],
    ['zh-TW', 'zh-TW'],
    ['zh-tw', 'zh-TW'],
    ['zh_TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-MO', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-TW', 'zh-TW'],
    ['zh-hant-cn', 'zh-TW'],
    ['yue', 'zh-TW'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN_gb', 'en'],
  ])('%j → %s', (tag, lang) => {
    expect(resolveLang(tag)).toBe(lang);
  });

  it.each([null, undefined, '', 'fr', 'ja-JP', 'de-CH', 'zhx', 'english', 'x-zh'])('%j → null', (tag) => {
    expect(resolveLang(tag)).toBeNull();
  });
});

describe('string tables', () => {
  it('has Simplified Chinese at once and loads the others on first use', async () => {
    expect(loadedStrings('zh-CN')?.stationTypes['union-station']).toBe('工会驿站');
    expect(loadedStrings('en')).toBeUndefined();
    expect((await loadStrings('zh-TW')).stationTypes['union-station']).toBe('工會驛站');
    expect((await loadStrings('en')).stationTypes['union-station']).toBe('Union station');
    expect(loadedStrings('en')?.actions.locateMe).toBe('Locate me');
  });
});
