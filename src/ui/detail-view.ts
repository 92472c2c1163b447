/**
 * The built-in detail panel as one module the element loads on first use (see
 * controllers/lazy-module.ts): the panel's template, the phone-number reader, the station facts,
 * the rating QR's loader and the navigation-app links are about 4 KB gzip that a first view — map,
 * clusters, list — never runs. The element prefetches it when the browser is idle after the
 * stations load, so a tap on a station finds it in.
 */
import { fillIdTemplate } from '../data/station-facts.js';
import { navigationLinks } from '../geo/route/navigation-links.js';
import type { LngLat, NavigationLink, Station, TravelMode } from '../types.js';
import { renderDetail, type DetailOptions } from './detail-panel.js';

export { detailStyles } from './detail-view.styles.js';

/** What {@link renderDetailView} needs beyond the panel's own options. */
export interface DetailViewOptions extends Omit<DetailOptions, 'links' | 'feedbackUrl' | 'onNavigate'> {
  /** The station's position in WGS-84 (the store's, not the data's CRS). */
  position: LngLat;
  travelMode: TravelMode;
  /** The `feedback-url` template (`{id}`), if any, and the base to resolve it against. */
  feedbackTemplate: string | null;
  baseUri: string;
  /** A navigation link was activated; `false` keeps it from opening. */
  onNavigate?(link: NavigationLink, station: Station, position: LngLat): boolean;
}

/** Renders the built-in detail panel of a station, with its navigation links. */
export function renderDetailView(options: DetailViewOptions) {
  const { station, position, travelMode, feedbackTemplate, baseUri, onNavigate, ...panel } = options;
  return renderDetail({
    ...panel,
    station,
    links: navigationLinks({ ...station, geometry: { type: 'Point', coordinates: position } }, { mode: travelMode }),
    feedbackUrl: fillIdTemplate(feedbackTemplate, station.id, baseUri),
    onNavigate: onNavigate && ((link) => onNavigate(link, station, position)),
  });
}
