/**
 * Formatting of numbers and station data for the UI language.
 */
import type { OpenStatus } from '../hours/is-open.js';
import type { Station } from '../types.js';
import type { UiLang } from './resolve-lang.js';
import type { UiStrings } from './strings.js';

const UNITS: Readonly<Record<UiLang, { m: string; km: string; min: string; h: string }>> = {
  'zh-CN': { m: '米', km: '公里', min: '分钟', h: '小时' },
  'zh-TW': { m: '公尺', km: '公里', min: '分鐘', h: '小時' },
  en: { m: 'm', km: 'km', min: 'min', h: 'h' },
};

// Name properties tried first for each language, before the plain `name`.
const NAME_KEYS: Readonly<Record<UiLang, readonly string[]>> = {
  'zh-CN': ['name:zh-Hans', 'name:zh-CN', 'name:zh'],
  'zh-TW': ['name:zh-Hant', 'name:zh-TW', 'name:zh-HK'],
  en: ['name:en'],
};

/**
 * A distance for people on foot or on a bike: to 10 m below 1 km, one decimal
 * below 10 km, whole kilometres beyond. Not-a-number gives `–`.
 *
 * @example
 * formatDistance(847, 'zh-CN'); // → '850 米'
 * formatDistance(1234, 'en'); // → '1.2 km'
 * formatDistance(850, 'zh-TW'); // → '850 公尺'
 */
export function formatDistance(meters: number, lang: UiLang): string {
  if (!Number.isFinite(meters)) return '–';
  const units = UNITS[lang] ?? UNITS['zh-CN'];
  const m = Math.max(0, meters);
  const rounded = Math.round(m / 10) * 10;
  if (rounded < 1000) return `${m > 0 ? Math.max(10, rounded) : 0} ${units.m}`;
  const tenths = Math.round(m / 100) / 10;
  if (tenths < 10) return `${tenths.toFixed(1)} ${units.km}`;
  return `${Math.round(m / 1000)} ${units.km}`;
}

/**
 * A travel time in whole minutes (at least 1 for any positive time), with hours
 * from 60 minutes on.
 *
 * @example
 * formatDuration(720, 'zh-CN'); // → '12 分钟'
 * formatDuration(3900, 'zh-CN'); // → '1 小时 5 分钟'
 * formatDuration(3900, 'en'); // → '1 h 5 min'
 */
export function formatDuration(seconds: number, lang: UiLang): string {
  if (!Number.isFinite(seconds)) return '–';
  const units = UNITS[lang] ?? UNITS['zh-CN'];
  const s = Math.max(0, seconds);
  const total = s > 0 ? Math.max(1, Math.round(s / 60)) : 0;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes} ${units.min}`;
  return minutes === 0 ? `${hours} ${units.h}` : `${hours} ${units.h} ${minutes} ${units.min}`;
}

/**
 * The station's name in the UI language (`name:en`, `name:zh-Hant`, …), or its
 * plain `name` when there is none.
 *
 * @example stationName(station, 'en') // → 'Daimiao Union Station' when `name:en` is set
 */
export function stationName(station: Station, lang: UiLang): string {
  const props = station.properties;
  for (const key of NAME_KEYS[lang] ?? []) {
    const value = props?.[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return typeof props?.name === 'string' ? props.name : '';
}

/**
 * The display name of a station type; unknown or missing types are "other".
 *
 * @example typeLabel('driver-home', zhCN) // → '司机之家'
 */
export function typeLabel(type: string | undefined, strings: UiStrings): string {
  return type !== undefined && Object.prototype.hasOwnProperty.call(strings.stationTypes, type)
    ? strings.stationTypes[type as keyof UiStrings['stationTypes']]
    : strings.stationTypes.other;
}

/**
 * The display name of a service; unknown services are shown as given.
 *
 * @example
 * serviceLabel('battery-swap', zhCN); // → '电瓶车换电'
 * serviceLabel('洗衣', zhCN); // → '洗衣'
 */
export function serviceLabel(service: string, strings: UiStrings): string {
  // hasOwnProperty: a service called `toString` must not print a function.
  return Object.prototype.hasOwnProperty.call(strings.services, service)
    ? strings.services[service as keyof UiStrings['services']]
    : service;
}

/**
 * One line for an open status: "开放中 · 20:00 关闭", "Closed · opens Monday at 08:00",
 * "Open 24 hours", "Hours unknown".
 *
 * @example formatOpenStatus(getOpenStatus('08:00-20:00', new Date()), zhCN) // → '开放中 · 20:00 关闭'
 */
export function formatOpenStatus(status: OpenStatus, strings: UiStrings): string {
  const { hours } = strings;
  switch (status.state) {
    case 'always':
      return hours.open24Hours;
    case 'unknown':
      return hours.unknown;
    case 'open':
      return status.closesAt ? `${hours.openNow} · ${hours.closesAt(status.closesAt)}` : hours.openNow;
    case 'closed': {
      if (!status.opensAt) return hours.closed;
      const day =
        status.opensDay !== undefined && status.opensInDays !== undefined
          ? { weekday: status.opensDay, inDays: status.opensInDays }
          : undefined;
      return `${hours.closed} · ${hours.opensAt(status.opensAt, day)}`;
    }
  }
}
