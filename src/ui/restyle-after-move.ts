/**
 * Keeps the shadow root styled when the element moves between documents. Lit gives the root
 * constructed style sheets of the document the script runs in; `document.adoptNode` into an
 * iframe (and back) empties `adoptedStyleSheets`, because a constructed sheet may only be adopted
 * in the document that made it. Unstyled, the map container has no height limit and Leaflet's
 * panes grew it to 33,554,432 px.
 */
import { adoptStyles, type CSSResultOrNative } from 'lit';

const FALLBACK = 'data-station-map-styles';
/** The document each root was last styled for; absent means the script's own. */
const styledFor = new WeakMap<ShadowRoot, Document>();
/** Sheets made in another document (an iframe's) for each style, shared by every element moved there. */
const sheetsFor = new WeakMap<Document, Map<CSSResultOrNative, CSSStyleSheet>>();

/**
 * Styles `root` for the document it is in now, when that is not the one it was styled for:
 * Lit's own sheets at home, sheets made by the other document's window elsewhere, and `<style>`
 * elements where that window cannot make them.
 *
 * @example connectedCallback() { super.connectedCallback(); restyleAfterMove(this.shadowRoot, StationMap.elementStyles); }
 */
export function restyleAfterMove(root: ShadowRoot, styles: readonly CSSResultOrNative[], options: { force?: boolean } = {}): void {
  const doc = root.ownerDocument;
  // `force`: the styles changed (a part loaded on first use brought its own), not the document.
  if (!options.force && (styledFor.get(root) ?? document) === doc) return;
  styledFor.set(root, doc);
  for (const old of root.querySelectorAll(`:scope > style[${FALLBACK}]`)) old.remove();
  if (doc === document) {
    adoptStyles(root, [...styles]);
    return;
  }
  let sheets: CSSStyleSheet[] | undefined;
  const View = doc.defaultView as (Window & typeof globalThis) | null;
  if (View && 'replaceSync' in View.CSSStyleSheet.prototype) {
    try {
      const made = sheetsFor.get(doc) ?? new Map<CSSResultOrNative, CSSStyleSheet>();
      sheetsFor.set(doc, made);
      sheets = styles.map((style) => {
        let sheet = made.get(style);
        if (!sheet) {
          sheet = new View.CSSStyleSheet();
          sheet.replaceSync(cssTextOf(style));
          made.set(style, sheet);
        }
        return sheet;
      });
    } catch {
      sheets = undefined;
    }
  }
  if (sheets) {
    root.adoptedStyleSheets = sheets;
    return;
  }
  // Before Lit's content, so its render markers and parts are left alone.
  const style = doc.createElement('style');
  style.setAttribute(FALLBACK, '');
  style.textContent = styles.map(cssTextOf).join('\n');
  root.prepend(style);
}

function cssTextOf(style: CSSResultOrNative): string {
  if (style instanceof CSSStyleSheet) return Array.from(style.cssRules, (rule) => rule.cssText).join('\n');
  return style.cssText;
}
