/**
 * QR encoding for the codes the element draws (the rating survey, a station's link): lean-qr's
 * nano build (≈ 2 KB gzip) turns text into modules, and we trace them as one SVG path. Loaded on
 * the first code shown (in the script-tag bundle a side file beside it): a first view shows none.
 * The larger QR libraries would cost 4–8 KB.
 */
import { generate } from 'lean-qr/nano';

// A panel re-renders on every state change; encoding the same URL again would be wasted work.
const pathCache = new Map<string, { size: number; d: string } | null>();

/**
 * The dark modules of the QR code for `text` as an SVG path in module units, one run of dark
 * modules per sub-path; `null` when the text cannot be encoded (too long for a QR code).
 *
 * @example qrPath('https://example.cn/rate?id=TA-0001') // → { size: 29, d: 'M0 0h7v1h-7z…' }
 */
export function qrPath(text: string): { size: number; d: string } | null {
  const cached = pathCache.get(text);
  if (cached !== undefined) return cached;
  let result: { size: number; d: string } | null;
  try {
    const code = generate(text);
    const parts: string[] = [];
    for (let y = 0; y < code.size; y++) {
      let x = 0;
      while (x < code.size) {
        if (!code.get(x, y)) {
          x++;
          continue;
        }
        const start = x;
        while (x < code.size && code.get(x, y)) x++;
        parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
      }
    }
    result = { size: code.size, d: parts.join('') };
  } catch {
    result = null;
  }
  if (pathCache.size > 32) pathCache.clear();
  pathCache.set(text, result);
  return result;
}
