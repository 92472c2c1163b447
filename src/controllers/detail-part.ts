/**
 * What the element loads on a station's first selection (or when idle after its stations load),
 * as one side file: the built-in detail panel with its styles, and the share, print and
 * navigation-link actions that live in it. See controllers/lazy-module.ts.
 */
export { detailStyles, renderDetailView } from '../ui/detail-view.js';
export { StationActions } from './station-actions.js';
