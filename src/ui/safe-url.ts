/**
 * Links from station data are used only when they are `http:`, `https:` or `tel:`, so a
 * `javascript:` or `data:` URL in the data can never run.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'tel:']);

/** Returns `value` as an absolute URL string when it is safe to link to, else `undefined`. */
export function safeUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Returns `value` as an absolute `http:` or `https:` URL string, else `undefined`: for links that
 * open a page (a website, the rating survey and its QR code), where a `tel:` or `mailto:` would
 * dial or mail from a "rate this station" button.
 *
 * @example webUrl('tel:110') // → undefined
 */
export function webUrl(value: unknown, base?: string): string | undefined {
  const url = safeUrl(value, base);
  return url && /^https?:/.test(url) ? url : undefined;
}
