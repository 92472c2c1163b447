/**
 * The QR code of a station's satisfaction survey (评价本站), drawn in the page as one SVG path:
 * no image request, no canvas, nothing a strict CSP blocks. The encoder (`qr-path.ts`) loads on the
 * first code shown; until it is in, the panel shows no code and is asked to render again.
 */
import { html, nothing, svg } from 'lit';

type QrPathModule = typeof import('./qr-path.js');

let encoder: QrPathModule | undefined;
let loading: Promise<QrPathModule> | undefined;

/** The QR encoder once loaded; until then `undefined`, and `onLoad` is called when it is in. */
function loadedEncoder(onLoad: () => void): QrPathModule | undefined {
  if (encoder) return encoder;
  loading ??= import('./qr-path.js').then((module) => (encoder = module));
  // A failed load (offline, a file not hosted) leaves the panel without a code, as a text too long to encode would.
  loading.then(onLoad, () => undefined);
  return undefined;
}

/**
 * Renders the QR code with its caption; nothing when `url` is missing or cannot be encoded, or
 * while the encoder loads (`onLoad` is then called to render again).
 */
export function renderRatingQr(url: string | null, caption: string, onLoad: () => void) {
  const qr = url ? loadedEncoder(onLoad)?.qrPath(url) : null;
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
