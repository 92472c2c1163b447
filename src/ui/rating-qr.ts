/**
 * The QR code of a station's satisfaction survey (评价本站), drawn in the page as one SVG path:
 * no image request, no canvas, nothing a strict CSP blocks. lean-qr's nano build (≈ 2 KB gzip)
 * does the encoding; the larger QR libraries would cost the script-tag bundle 4–8 KB.
 */
import { generate } from 'lean-qr/nano';
import { html, nothing, svg } from 'lit';

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
  let result: { size: number; d: string } | null = null;
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

/** Renders the QR code with its caption; nothing when `url` is missing or cannot be encoded. */
export function renderRatingQr(url: string | null, caption: string) {
  const qr = url ? qrPath(url) : null;
  if (!qr) return nothing;
  // A quiet zone of 4 modules is what scanners expect around the code.
  const box = qr.size + 8;
  return html`<figure class="qr" part="qr">
    ${svg`<svg viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${caption} shape-rendering="crispEdges"
      ><rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect><path d=${qr.d} fill="#000"></path
    ></svg>`}
    <figcaption>${caption}</figcaption>
  </figure>`;
}
