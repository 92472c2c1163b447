/** Helpers of the host tests: a page of the dev server in an iframe, and real clicks inside it. */
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { StationMap } from '../../../src/station-map.js';
import { waitFor } from '../helpers.js';

/** Room for an iframe with the wide (side panel) layout. */
export async function useWideViewport(): Promise<void> {
  await setViewport({ width: 1200, height: 900 });
}

/** Opens `url` (same origin) in an iframe of the test page and resolves once it has loaded. */
export async function openFrame(url: string, options: { width?: number; height?: number } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.className = 'fixture';
  frame.style.cssText = `position:absolute;left:0;top:0;border:0;width:${options.width ?? 1100}px;height:${options.height ?? 860}px;background:#fff`;
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
  });
  frame.src = url;
  document.body.append(frame);
  await loaded;
  return frame;
}

/** The `<station-map>` inside `frame`, once it has rendered its list. */
export async function frameMap(frame: HTMLIFrameElement, what = 'station list'): Promise<StationMap> {
  const doc = frame.contentDocument!;
  return waitFor(
    () => {
      const el = doc.querySelector('station-map') as StationMap | null;
      return el?.shadowRoot?.querySelector('button.item') ? el : null;
    },
    15000,
    what,
  );
}

/** Text of `selector` in the frame's page (outside the widget), or '' when it is absent. */
export function frameText(frame: HTMLIFrameElement, selector: string): string {
  return frame.contentDocument!.querySelector(selector)?.textContent?.trim() ?? '';
}

/** A trusted mouse click in the middle of `target`, which is inside `frame` (or its shadow trees). */
export async function realClick(frame: HTMLIFrameElement, target: Element): Promise<void> {
  // The panel keeps its scroll position across a selection: bring the row into view first.
  target.scrollIntoView({ block: 'center' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  const box = target.getBoundingClientRect();
  const offset = frame.getBoundingClientRect();
  const x = Math.round(offset.left + box.left + box.width / 2);
  const y = Math.round(offset.top + box.top + box.height / 2);
  await sendMouse({ type: 'click', position: [x, y] });
}

/**
 * The list items once the list has stopped changing: a selection pans the map, and the list
 * re-sorts around the new centre when the pan ends, so a click aimed earlier could hit another row.
 */
export async function settledItems(el: StationMap): Promise<HTMLButtonElement[]> {
  let last = '';
  let sameFrames = 0;
  await waitFor(
    () => {
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.item')];
      const key = rows.map((row) => `${row.dataset.index}@${Math.round(row.getBoundingClientRect().top)}`).join(',');
      sameFrames = key && key === last ? sameFrames + 1 : 0;
      last = key;
      return sameFrames >= 40;
    },
    8000,
    'the list to settle',
  );
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.item')];
}
