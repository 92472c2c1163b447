/** The open/closed badge shown in the list and the detail panel. */
import { html } from 'lit';
import type { OpenStatus } from '../hours/is-open.js';
import type { UiStrings } from '../i18n/strings.js';
import { isStatusOpen, readStationStatus } from '../data/station-facts.js';

/** Text of an open status: "营业中 · 20:00 关门", "已关闭 · 周一 08:00 开门", "24 小时开放", "时间未知". */
export function describeOpenStatus(status: OpenStatus, s: UiStrings): string {
  switch (status.state) {
    case 'always':
      return s.hours.open24Hours;
    case 'open':
      return status.closesAt ? `${s.hours.openNow} · ${s.hours.closesAt(status.closesAt)}` : s.hours.openNow;
    case 'closed': {
      if (!status.opensAt) return s.hours.closed;
      const day =
        status.opensDay !== undefined && status.opensInDays ? { weekday: status.opensDay, inDays: status.opensInDays } : undefined;
      return `${s.hours.closed} · ${s.hours.opensAt(status.opensAt, day)}`;
    }
    default:
      return s.hours.unknown;
  }
}

/**
 * Renders the badge. A station whose own `status` is not `open` (暂停开放, 维护中) shows that
 * instead, as closed, whatever its hours say.
 */
export function renderOpenBadge(status: OpenStatus, s: UiStrings, stationStatus?: unknown) {
  if (!isStatusOpen(stationStatus)) {
    const known = readStationStatus(stationStatus);
    return html`<span class="badge closed">${known ? s.facts.statuses[known] : String(stationStatus).trim()}</span>`;
  }
  const kind = status.state === 'always' || status.state === 'open' ? 'open' : status.state === 'closed' ? 'closed' : 'unknown';
  return html`<span class="badge ${kind}">${describeOpenStatus(status, s)}</span>`;
}
