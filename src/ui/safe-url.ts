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

/** A `tel:` URL for a phone number as people write it (`0538-1234567`, `+86 138 …`), or `undefined`. */
export function telUrl(phone: unknown): string | undefined {
  if (typeof phone !== 'string') return undefined;
  const digits = phone.replace(/[^\d+]/g, '');
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : undefined;
}
