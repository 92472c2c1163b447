/**
 * The detail panel of a selected station. Every value from the data goes through Lit text
 * bindings (never markup), and links from the data only if `webUrl` or the phone parser make them.
 */
import { html, nothing, svg } from 'lit';
import type { OpenStatus } from '../hours/is-open.js';
import { formatDistance, formatDuration, serviceLabel, stationName, typeLabel } from '../i18n/format.js';
import type { UiLang } from '../i18n/resolve-lang.js';
import type { UiStrings } from '../i18n/strings.js';
import type { NavigationLink, Route, Station } from '../types.js';
import { serviceGlyph } from '../icons/station-icons.js';
import { renderHeading } from './heading.js';
import { renderOpenBadge } from './open-badge.js';
import { renderFactRows, renderFeedbackLink, renderStationPhoto } from './station-facts.js';
import { renderRatingQr } from './rating-qr.js';
import { parsePhoneNumbers } from '../data/phone-numbers.js';
import { clipText } from './clip-text.js';
import { webUrl } from './safe-url.js';
import { renderTypeIcon } from './list-rows.js';

/** What the detail panel needs from the element. */
export interface DetailOptions {
  station: Station;
  strings: UiStrings;
  lang: UiLang;
  status: OpenStatus;
  distanceMeters: number | null;
  links: NavigationLink[];
  route: Route | null;
  copied: boolean;
  /** The "report a problem" link for this station (from `feedback-url`), if any. */
  feedbackUrl?: string;
  /** Level of the station's name heading (the element's `heading-level`, default 2); sections get the next. */
  headingLevel?: number;
  onClose(): void;
  onRoute(): void;
  onClearRoute(): void;
  onCopy(): void;
  /** A part of the panel loaded late (the QR encoder): render again. */
  onPartLoaded(): void;
  /** A navigation link was activated; `false` keeps it from opening (the page hands off itself). */
  onNavigate?(link: NavigationLink): boolean;
  /** More actions beside "route here" (share, print). */
  extraActions?: unknown;
}

// Shown text is clipped (see clip-text.ts): a field of 100,000 characters must not cost seconds of layout.
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? clipText(value) : typeof value === 'number' ? String(value) : undefined;

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => clipText(v)) : [];

/** Renders the detail panel. */
export function renderDetail(options: DetailOptions) {
  const { station, strings: s, lang } = options;
  const p = station.properties;
  const phone = text(p.phone);
  const website = webUrl(p.website);
  const rating = webUrl(p.rating_url);
  const services = strings(p.services);
  const honors = strings(p.honors);
  const sub = (options.headingLevel ?? 2) + 1;
  const row = (label: string, value: unknown) => (value === undefined ? nothing : html`<dt>${label}</dt><dd>${value}</dd>`);
  return html`
    <article class="detail" part="detail" aria-labelledby="detail-title">
      <header>
        ${renderTypeIcon(p.type)}
        <div>
          ${renderHeading(options.headingLevel ?? 2, clipText(stationName(station, lang)), { id: 'detail-title', focusable: true })}
          <div class="meta">${typeLabel(p.type, s)}</div>
        </div>
        <button class="icon close" part="button" aria-label=${s.actions.close} title=${s.actions.close} @click=${options.onClose}>&#x2715;</button>
      </header>
      ${renderStationPhoto(station, stationName(station, lang), s)}
      <dl>
        ${row(s.labels.code, clipText(station.id))}
        ${options.distanceMeters == null ? nothing : row(s.labels.distance, formatDistance(options.distanceMeters, lang))}
        <dt>${s.labels.hours}</dt>
        <dd>${renderOpenBadge(options.status, s, p.status)} ${text(p.hours) ? html`<div>${text(p.hours)}</div>` : nothing}</dd>
        ${renderFactRows(station, s)}
        ${row(s.labels.address, text(p.address))}
        ${phone ? row(s.labels.phone, renderPhone(phone)) : nothing}
        ${row(s.labels.manager, text(p.manager))}
        ${website ? row(s.labels.website, html`<a href=${website} target="_blank" rel="noopener noreferrer">${clipText(website)}</a>`) : nothing}
      </dl>
      <div class="actions">
        <button class="primary" part="button" @click=${options.onRoute}>${s.actions.routeHere}</button>
        <button part="button" @click=${options.onCopy}>${options.copied ? s.actions.copied : s.actions.copyCode}</button>
        ${options.extraActions ?? nothing}
      </div>
      ${options.route ? renderRouteSummary(options.route, options) : nothing}
      ${renderHeading(sub, s.actions.navigate, { className: 'list-heading' })}
      <ul class="nav-links">
        ${options.links.map(
          (link) =>
            html`<li><a href=${link.url} target="_blank" rel="noopener noreferrer" data-app=${link.app}
              @click=${(event: Event) => options.onNavigate?.(link) === false && event.preventDefault()}
              >${s.navigationApps[link.app]}</a></li>`,
        )}
      </ul>
      ${services.length
        ? html`${renderHeading(sub, s.labels.services, { className: 'list-heading' })}
            <ul class="services">
              ${services.map((service) => {
                const glyph = serviceGlyph(service);
                return html`<li>
                  ${glyph ? svg`<svg viewBox="0 0 24 24" aria-hidden="true"><path fill-rule="evenodd" d=${glyph}></path></svg>` : nothing}${serviceLabel(service, s)}
                </li>`;
              })}
            </ul>`
        : nothing}
      ${honors.length
        ? html`${renderHeading(sub, s.labels.honors, { className: 'list-heading' })}
            <ul class="honors">
              ${honors.map((h) => html`<li class="honor" part="honor">${h}</li>`)}
            </ul>`
        : nothing}
      ${rating
        ? html`<div class="rating">
            <a href=${rating} target="_blank" rel="noopener noreferrer">${s.labels.rating}</a>
            ${renderRatingQr(rating, s.labels.ratingQr, options.onPartLoaded)}
          </div>`
        : nothing}
      ${renderFeedbackLink(options.feedbackUrl, s)}
    </article>
  `;
}

/**
 * The phone text as written, each number in it its own `tel:` link and the rest (separators,
 * notes such as "（24小时）") plain text beside them.
 */
function renderPhone(phone: string) {
  const parts: unknown[] = [];
  let at = 0;
  for (const number of parsePhoneNumbers(phone)) {
    if (number.start > at) parts.push(phone.slice(at, number.start));
    parts.push(html`<a href=${number.tel}>${phone.slice(number.start, number.end)}</a>`);
    at = number.end;
  }
  if (at < phone.length) parts.push(phone.slice(at));
  return parts;
}

function renderRouteSummary(route: Route, options: DetailOptions) {
  const { strings: s, lang } = options;
  return html`<div class="route-summary" role="status">
    <strong>${formatDistance(route.distanceMeters, lang)} &middot; ${formatDuration(route.durationSeconds, lang)}</strong>
    <span class="note">${s.routeKinds[route.kind]} &middot; ${s.travelModes[route.mode]}</span>
    ${route.kind === 'straight' ? html`<span class="note">${s.straightLineDistance}</span>` : nothing}
    ${route.fallbackReason ? html`<span class="note">${s.errors['route-failed']()} (${route.fallbackReason})</span>` : nothing}
    <button part="button" @click=${options.onClearRoute}>${s.actions.clearRoute}</button>
  </div>`;
}
