/**
 * Reads the optional station facts pages ask for: photos, a temporary status, how to get in.
 * Data comes from many hands (spreadsheets, CMS exports), so each reader accepts the forms
 * people write and ignores the rest, instead of rejecting the station.
 */
import type { StationStatus } from '../types.js';

const STATUS_WORDS: ReadonlyArray<readonly [RegExp, StationStatus]> = [
  [/^(open|normal|正常|开放|開放|正常开放|正常開放|营业|營業|正常营业|正常營業)$/, 'open'],
  [/^(closed[-_ ]?temporarily|temporarily[-_ ]?closed|closed|暂停|暫停|暂停开放|暫停開放|暂停服务|暫停服務|临时关闭|臨時關閉|暂不开放|暫不開放|关闭|關閉)$/, 'closed-temporarily'],
  [/^(maintenance|under[-_ ]?maintenance|repair|维护|維護|维护中|維護中|维修|維修|维修中|維修中|装修|裝修|装修中|裝修中|升级改造|升級改造)$/, 'maintenance'],
];

/**
 * The station's `status` as one of the three values, from the English ones or their Chinese
 * words (暂停开放, 维修中 …); `undefined` when absent or not understood (then the hours decide).
 *
 * @example readStationStatus('维修中') // → 'maintenance'
 */
export function readStationStatus(value: unknown): StationStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return STATUS_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/**
 * Whether the station's own status lets it be open at all: true without a status or with
 * `open`, false for `closed-temporarily`, `maintenance` and any other stated word (a station
 * marked "暂停" in words we do not know must not be shown as open).
 */
export function isStatusOpen(value: unknown): boolean {
  if (typeof value !== 'string' || !value.trim()) return true;
  return readStationStatus(value) === 'open';
}

/**
 * The station's photo URLs that are `http:` or `https:`, resolved against `base` (the page), in
 * order; a lone string counts as one photo. Others (`javascript:`, `data:`, junk) are dropped.
 *
 * @example readPhotos(['a.jpg', 'javascript:alert(1)'], 'https://union.example/map/') // → ['https://union.example/map/a.jpg']
 */
export function readPhotos(value: unknown, base?: string): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  const photos: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !item.trim()) continue;
    try {
      const url = new URL(item.trim(), base);
      if (url.protocol === 'http:' || url.protocol === 'https:') photos.push(url.href);
    } catch {
      // Not a URL: skip it, keep the others.
    }
  }
  return photos;
}

/** The station's `entry` (how to get in) as trimmed text, or `undefined`. */
export function readEntry(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Fills a page's URL template (`https://union.example/report?station={id}`) with a station id,
 * URL-encoded, resolved against `base`; `undefined` unless the result is `http:` or `https:`.
 *
 * @example fillIdTemplate('https://x.example/r?s={id}', 'TA 1/2') // → 'https://x.example/r?s=TA%201%2F2'
 */
export function fillIdTemplate(template: string | null | undefined, id: string, base?: string): string | undefined {
  if (!template || !template.trim()) return undefined;
  try {
    const url = new URL(template.trim().replaceAll('{id}', encodeURIComponent(id)), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
