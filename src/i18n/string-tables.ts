/**
 * The string tables of the UI languages. Simplified Chinese, the language of nearly every page that
 * embeds the widget, is in the main script; Traditional Chinese and English (about 3 KB gzip
 * together) load on first use, beside the main script in the script-tag bundle. The element waits
 * for its language's table before it renders (see StationMap#scheduleUpdate), so a page in English
 * never shows Chinese labels first.
 */
import type { UiLang } from './resolve-lang.js';
import type { UiStrings } from './strings.js';
import { zhCN } from './zh-CN.js';

const loaded: Partial<Record<UiLang, UiStrings>> = { 'zh-CN': zhCN };
const importers: Record<Exclude<UiLang, 'zh-CN'>, () => Promise<UiStrings>> = {
  'zh-TW': () => import('./zh-TW.js').then((module) => module.zhTW),
  en: () => import('./en.js').then((module) => module.en),
};

/** The table of `lang` if it is loaded, else `undefined`. */
export function loadedStrings(lang: UiLang): UiStrings | undefined {
  return loaded[lang];
}

/**
 * The table of `lang`, loaded if needed; Simplified Chinese when the load fails (offline before
 * the table was fetched) or the language has no table.
 *
 * @example (await loadStrings('en')).actions.locateMe // → 'Locate me'
 */
export async function loadStrings(lang: UiLang): Promise<UiStrings> {
  const table = loaded[lang];
  if (table) return table;
  const load = importers[lang as Exclude<UiLang, 'zh-CN'>];
  if (!load) return zhCN;
  try {
    return (loaded[lang] = await load());
  } catch {
    return zhCN;
  }
}
