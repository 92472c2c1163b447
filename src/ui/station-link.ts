/**
 * The link that opens one station: `#station=ID` in the page URL (what `deep-link` reads and
 * writes), or a page-given template such as `https://union.example/map?station={id}`. Pure
 * string work on the URLs it is given, so it runs in Node.
 */

/** The `station` parameter of a URL fragment (`#station=ID`, or among others: `#a=1&station=ID`), or `null`. */
export function readStationHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const id = params.get('station');
  return id ? id : null;
}

/**
 * The fragment with its `station` parameter set to `id` (or removed when `id` is `null`), other
 * parameters kept; `''` when nothing is left.
 *
 * @example writeStationHash('#zoom=3', 'TA 1') // → '#zoom=3&station=TA%201'
 */
export function writeStationHash(hash: string, id: string | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (id === null) params.delete('station');
  else params.set('station', id);
  // URLSearchParams writes a space as '+' (and a real '+' as %2B): %20 reads the same everywhere.
  const text = params.toString().replace(/\+/g, '%20');
  return text ? `#${text}` : '';
}

/**
 * The shareable link of station `id`: `template` with every `{id}` replaced by the URL-encoded
 * id, or `pageUrl` with `#station=ID` (its own fragment replaced). A template that does not make
 * an `http:` or `https:` URL is ignored.
 *
 * @example stationLink('TA-1', { pageUrl: 'https://a.cn/map?x=1#top' }) // → 'https://a.cn/map?x=1#station=TA-1'
 * @example stationLink('泰 1', { template: 'https://a.cn/s/{id}', pageUrl }) // → 'https://a.cn/s/%E6%B3%B0%201'
 */
export function stationLink(id: string, options: { template?: string | null; pageUrl: string }): string {
  const template = options.template?.trim();
  if (template) {
    const filled = template.split('{id}').join(encodeURIComponent(id));
    try {
      const url = new URL(filled, options.pageUrl);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // An unusable template falls back to the page's own link.
    }
  }
  const base = options.pageUrl.split('#')[0]!;
  return `${base}${writeStationHash('', id)}`;
}
