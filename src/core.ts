/**
 * `station-map/core`: the pure functions behind the widget, for Node, Web Workers and apps
 * that draw their own map. No DOM, no Leaflet, no Lit. Coordinates are `[lng, lat]` WGS-84
 * unless a `crs` option says otherwise.
 *
 * @example
 * import { parseStations, nearestStations } from 'station-map/core';
 * const { stations, skipped } = parseStations(json);
 * nearestStations(stations, 117.13, 36.21, 3);
 */
export { parseStations } from './data/read-stations.js';
export {
  FIELD_HEADERS,
  SERVICE_NAMES,
  STATION_FIELDS,
  STATION_TYPE_NAMES,
  splitServices,
  toServiceId,
  toStationType,
} from './data/vocabulary.js';
export { decodeBytes } from './data/table/decode-bytes.js';
export { loadStations } from './data/load-stations.js';
export { createStationFilter, normalizeText } from './data/filter-stations.js';
export { nearestStations } from './data/nearest-stations.js';
export { nearestByRoute } from './data/nearest-by-route.js';
export { buildRoute, routeOnNetwork } from './geo/route/build-route.js';
export { straightRoute } from './geo/route/straight-route.js';
export { fetchServiceRoute } from './geo/route/route-service.js';
export { stationsAlong } from './geo/route/stations-along.js';
export { toWgs84, fromWgs84 } from './geo/crs/crs.js';
export { haversineMeters, EARTH_RADIUS_METERS } from './geo/sphere/haversine.js';
export { DEFAULT_SPEEDS } from './geo/route/speeds.js';
export { navigationLinks } from './geo/route/navigation-links.js';
export { isOpenAt, getOpenStatus } from './hours/is-open.js';
export { parseHours } from './hours/parse-hours.js';
export { StationMapError } from './errors.js';
export { createGridGeometry } from './geo/coverage/coverage-grid.js';
export { computeCoverageStats } from './geo/coverage/coverage-stats.js';
// With the network fill wired in (the element passes the one of its loaded network module).
export { computeCoverageGrid, coverageStats } from './geo/coverage/coverage-on-network.js';
export { traceCoverageBoundary } from './geo/coverage/coverage-contour.js';
export { searchStations } from './data/search-stations.js';
export { checkStations, isRoughlyInChina } from './data/check-stations.js';
export { suggestName } from './data/suggest-name.js';
export { createTiandituGeocoder } from './data/geocoders/tianditu.js';
export { createNominatimGeocoder } from './data/geocoders/nominatim.js';
export { createPlaceSearch } from './data/geocoders/place-search.js';
export { lngLatToTile, lngLatToTilePoint, tilePointToLngLat, tileBounds, zxyToTileId, tileIdToZxy } from './tiles/tile-math.js';
export { buildStationTiles, CLUSTER_TYPES, DEFAULT_STATION_ZOOM } from './tiles/station-tiles.js';
export { toTileProperties, DEFAULT_JSON_FIELDS } from './tiles/tile-properties.js';
export { encodePointLayer } from './tiles/encode-mvt.js';
export { PmtilesWriter } from './tiles/pmtiles-writer.js';
export { buildStationArchive, STATION_LAYER } from './tiles/station-archive.js';
export type { CoverageAccept, CoverageGrid, CoverageGridOptions, CoverageStations, GridGeometry } from './geo/coverage/coverage-grid.js';
export type { CoverageOfStationsOptions, CoverageStatsOptions } from './geo/coverage/coverage-stats.js';
export type { CoverageArea } from './geo/coverage/coverage-mask.js';
export type { CheckStationsOptions, StationCheck, StationProblem, StationProblemKind } from './data/check-stations.js';
export type { SearchStationsOptions, StationMatch, StationMatchKind } from './data/search-stations.js';
export type { TiandituGeocoderOptions } from './data/geocoders/tianditu.js';
export type { NominatimGeocoderOptions } from './data/geocoders/nominatim.js';
export type { PlaceSearch, PlaceSearchOptions } from './data/geocoders/place-search.js';
export type { FetchLike } from './data/geocoders/fetch-json.js';
export type { OpenOptions, OpenStatus } from './hours/is-open.js';
export type { ParseStationsOptions } from './data/parse-stations.js';
export type { StationFields } from './data/station-fields.js';
export type { StationField, VocabularyEntry } from './data/vocabulary.js';
export type { DecodedText, TextEncodingName } from './data/table/decode-bytes.js';
export type { TileCoord } from './tiles/tile-math.js';
export type { StationFeature, StationTile, StationTileSet, StationTilesOptions, TilePoint } from './tiles/station-tiles.js';
export type { TileValue } from './tiles/tile-properties.js';
export type { EncodePointLayerOptions, MvtPoint } from './tiles/encode-mvt.js';
export type { DirectoryEntry, PmtilesHeaderInfo, PmtilesSummary, PmtilesWriterOptions } from './tiles/pmtiles-writer.js';
export type { StationArchive, StationArchiveOptions } from './tiles/station-archive.js';
export type * from './types.js';
