/** The note above the list when the stations are the saved copy of `src`, not fresh data. */
import { html, nothing } from 'lit';
import type { UiStrings } from '../i18n/strings.js';

/** "无法获取最新数据，显示的是 3 小时前的数据", or nothing when the data is fresh. */
export function renderSavedCopyNote(savedAt: number | null, now: Date, s: UiStrings) {
  if (savedAt === null) return nothing;
  const minutes = Math.max(0, Math.floor((now.getTime() - savedAt) / 60000));
  return html`<div class="message saved-copy" part="saved-copy" role="status">${s.facts.offlineCopy(minutes)}</div>`;
}
