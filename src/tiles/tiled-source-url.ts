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

/** The bytes a PMTiles reader asks for first: the header, the root directory and (ours) the metadata. */
export const ARCHIVE_HEAD_BYTES = 16384;

/**
 * Starts fetching the first {@link ARCHIVE_HEAD_BYTES} of an archive, so they download while the
 * tile reader's side file does (one round trip saved on a phone's link). `null` when the server
 * does not answer the range (the reader then asks again and reports what is wrong).
 */
export function fetchArchiveHead(url: string): Promise<ArrayBuffer | null> {
  return fetch(url, { headers: { range: `bytes=0-${ARCHIVE_HEAD_BYTES - 1}` } }).then(
    (response) => (response.status === 206 ? response.arrayBuffer() : (void response.body?.cancel(), null)),
    () => null,
  );
}
