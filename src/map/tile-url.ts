/**
 * The URL of one basemap tile from a `{z}/{x}/{y}` template, as Leaflet's TileLayer fills it.
 */

/**
 * Fills `template` for the Web Mercator tile `x`, `y` at zoom `z`. `x` may be outside the world
 * (a view across the antimeridian): it is wrapped into `0 … 2^z − 1`. Placeholders: `{z}`, `{x}`,
 * `{y}`, `{-y}` (TMS rows, counted from the south), `{s}` (one of `subdomains`, chosen from the
 * tile so the browser spreads requests over hosts and caches each tile under one URL) and `{r}`
 * (Leaflet's retina suffix: always empty, tiles are drawn at 256 px). Any other `{name}` is left
 * as it is, so a template with a typo fails as a tile error the map reports, not as a thrown error.
 *
 * @example tileUrl('https://t{s}.example.cn/{z}/{x}/{y}.png', -1, 2, 3, '01234567') // → 'https://t1.example.cn/3/7/2.png'
 */
export function tileUrl(template: string, x: number, y: number, z: number, subdomains = 'abc'): string {
  const n = 2 ** z;
  const wrapped = ((x % n) + n) % n;
  const values: Record<string, string | number | undefined> = {
    z,
    x: wrapped,
    y,
    '-y': n - 1 - y,
    s: subdomains[(wrapped + y) % subdomains.length],
    r: '',
  };
  // Own keys only: `{constructor}` or `{toString}` would otherwise find Object.prototype's
  // functions and put their source into the tile URL.
  return template.replace(/\{(-?\w+)\}/g, (placeholder, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name] ?? placeholder) : placeholder,
  );
}
