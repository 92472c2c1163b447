/**
 * Whether `<station-map>` is in tiled mode: the one test the element's main script makes, kept
 * apart from the tile reader so that script does not hold it.
 */

/**
 * Whether `src` names a PMTiles archive: its path (before `?` and `#`) ends in `.pmtiles`.
 *
 * @example isPmtilesUrl('/data/stations.pmtiles?v=3') // true
 */
export function isPmtilesUrl(src: string | null | undefined): boolean {
  return typeof src === 'string' && /\.pmtiles$/i.test(src.split(/[?#]/)[0]!);
}

/**
 * Whether the element's stations come from tiles: a `tiles` template or a `.pmtiles` `src`,
 * unless `.stations` (which wins over both) is set.
 */
export function isTiledSource(element: { stations: unknown; src: string | null; tiles: string | null }): boolean {
  return element.stations == null && ((typeof element.tiles == 'string' && element.tiles != '') || isPmtilesUrl(element.src));
}
