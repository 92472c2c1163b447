/**
 * Picks the UI language from a BCP-47 tag (the element's or the document's `lang`).
 */

/** UI languages with a string table. */
export type UiLang = 'zh-CN' | 'zh-TW' | 'en';

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/**
 * The UI language for a BCP-47 tag, or `null` when we have no table for it
 * (the caller then tries the next source, ending at `zh-CN`). Case-insensitive;
 * `_` is accepted for `-`. A script subtag wins over the region, so `zh-Hans-HK`
 * is Simplified.
 *
 * @example
 * resolveLang('zh-Hant'); // → 'zh-TW'
 * resolveLang('zh_hk'); // → 'zh-TW'
 * resolveLang('en-GB'); // → 'en'
 * resolveLang('fr'); // → null
 */
export function resolveLang(tag: string | null | undefined): UiLang | null {
  if (typeof tag !== 'string') return null;
  const [primary, ...rest] = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  if (primary === 'en') return 'en';
  // Cantonese is written in Traditional characters in Hong Kong and Macau.
  if (primary === 'yue') return rest.includes('hans') ? 'zh-CN' : 'zh-TW';
  if (primary !== 'zh' && primary !== 'cmn') return null;
  if (rest.includes('hant')) return 'zh-TW';
  if (rest.includes('hans')) return 'zh-CN';
  return rest.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-TW' : 'zh-CN';
}
