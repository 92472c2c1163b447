/**
 * Tile providers the `basemap` attribute names. Each knows the coordinate system its tiles are
 * drawn in, so markers can be shifted onto GCJ-02 tiles (Amap) and stay on WGS-84 ones.
 */
import type { Crs } from '../types.js';

/** A tile layer to add to the map. */
export interface TileSpec {
  url: string;
  /** Who the tiles are from, as plain text (shown as text, never as markup). */
  attribution: string;
  /** Where the attribution links to (the provider's terms or copyright page). */
  attributionUrl?: string;
  subdomains?: string;
  maxZoom: number;
}

/** What a `basemap` value resolves to. */
export interface BasemapSpec {
  /** The coordinate system the tiles are drawn in; markers are displayed in it. */
  displayCrs: Crs;
  layers: TileSpec[];
  /** Set when the basemap cannot be shown (e.g. 天地图 without a key); the map stays usable without tiles. */
  problem?: 'missing-key' | 'bad-template';
}

const OSM: TileSpec = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '© OpenStreetMap contributors',
  attributionUrl: 'https://www.openstreetmap.org/copyright',
  maxZoom: 19,
};

const TIANDITU_ATTRIBUTION = '© 天地图 国家地理信息公共服务平台';

function tiandituLayer(layer: 'vec' | 'cva' | 'eva', key: string): TileSpec {
  return {
    url:
      `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0` +
      `&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}` +
      `&tk=${encodeURIComponent(key)}`,
    attribution: TIANDITU_ATTRIBUTION,
    attributionUrl: 'https://www.tianditu.gov.cn/',
    subdomains: '01234567',
    maxZoom: 18,
  };
}

/**
 * Resolves a `basemap` attribute value.
 *
 * @param basemap `osm`, `tianditu`, `amap`, `none`, or an `https://…/{z}/{x}/{y}.png` template
 * @param options.key key for providers that need one (天地图 `tk`)
 * @param options.lang UI language: English labels on 天地图 for `en`
 */
export function resolveBasemap(
  basemap: string | null | undefined,
  options: { key?: string | null; lang?: string } = {},
): BasemapSpec {
  const value = (basemap ?? '').trim();
  switch (value.toLowerCase()) {
    case '':
    case 'osm':
      return { displayCrs: 'wgs84', layers: [OSM] };
    case 'none':
      return { displayCrs: 'wgs84', layers: [] };
    case 'tianditu': {
      // 天地图 is CGCS2000, within centimetres of WGS-84 at web-map scales.
      const key = options.key?.trim();
      if (!key) return { displayCrs: 'wgs84', layers: [], problem: 'missing-key' };
      const labels = options.lang === 'en' ? 'eva' : 'cva';
      return { displayCrs: 'wgs84', layers: [tiandituLayer('vec', key), tiandituLayer(labels, key)] };
    }
    case 'amap':
      return {
        displayCrs: 'gcj02',
        layers: [
          {
            url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
            attribution: '© 高德地图',
            attributionUrl: 'https://www.amap.com/',
            subdomains: '1234',
            maxZoom: 18,
          },
        ],
      };
    default:
      return resolveTemplate(value);
  }
}

function resolveTemplate(template: string): BasemapSpec {
  let url: URL;
  try {
    url = new URL(template.replace(/[{}]/g, ''));
  } catch {
    return { displayCrs: 'wgs84', layers: [], problem: 'bad-template' };
  }
  const hasTileParams = ['{z}', '{x}', '{y}'].every((p) => template.includes(p));
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !hasTileParams) {
    return { displayCrs: 'wgs84', layers: [], problem: 'bad-template' };
  }
  return {
    displayCrs: 'wgs84',
    layers: [{ url: template, attribution: url.hostname, maxZoom: 19, subdomains: 'abc' }],
  };
}
