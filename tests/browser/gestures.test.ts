/**
 * Every way a person moves the map: mouse drag, wheel, double click, keyboard, shift-drag box zoom,
 * one-finger drag and two-finger pinch, as real input events from the browser (CDP `Input.*`), so
 * Leaflet's own handlers run. The script-tag bundle cuts parts of Leaflet: these run against it too
 * (tests/browser/shipped/), where a cut that broke a gesture would show.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, leafletMapOf, markers, nextEvent, stationsAround, waitFor } from './helpers.js';

const cdp = (method: string, params: Record<string, unknown>) => executeServerCommand('cdp', { method, params });

/**
 * The shipped-bundle runs (tests/browser/shipped/) import this file again in later pages, where
 * headless Chromium delivers no injected touches (see `touch-gesture` in server/cdp-plugin.mjs):
 * touch runs once per test run, against src/.
 */
const inShippedRun = new URL(import.meta.url).searchParams.has('shipped');

/** The element with a few stations, the map at zoom 12 on Tai'an, animations done. */
async function mapAtZoom12(): Promise<{ el: StationMap; map: import('leaflet').Map; box: DOMRect }> {
  const el = await fixture('<station-map basemap="none" lang="en" center="117.1,36.2" zoom="12"></station-map>', { width: 760, height: 540 });
  const done = nextEvent(el, 'stations-load');
  el.stations = stationsAround(5);
  await done;
  await waitFor(() => markers(el).pins.length + markers(el).clusters.length > 0, 8000, 'markers');
  const map = leafletMapOf(el)!;
  map.setView([36.2, 117.1], 12, { animate: false });
  // Input goes to viewport coordinates: the map must be in view, whatever an earlier test scrolled.
  el.scrollIntoView({ block: 'start' });
  await new Promise((r) => requestAnimationFrame(r));
  const box = map.getContainer().getBoundingClientRect();
  return { el, map, box };
}

/** Resolves once the map has settled after a gesture (moveend, and any zoom animation over). */
async function settled(map: import('leaflet').Map, test: () => boolean, what: string): Promise<void> {
  await waitFor(() => test() && !(map as unknown as { _animatingZoom?: boolean })._animatingZoom, 5000, what);
  await new Promise((r) => setTimeout(r, 300));
}

/** A point on the map, in page pixels, away from markers and the element's own buttons. */
const spot = (box: DOMRect, fx: number, fy: number) => [Math.round(box.left + box.width * fx), Math.round(box.top + box.height * fy)] as const;

describe('gestures on the map', () => {
  afterEach(async () => {
    await resetMouse();
    cleanup();
  });

  it('a mouse drag pans the map by the distance dragged', async () => {
    const { map, box } = await mapAtZoom12();
    const before = map.latLngToContainerPoint([36.2, 117.1]);
    const [x, y] = spot(box, 0.3, 0.7);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 10; i++) await sendMouse({ type: 'move', position: [x + i * 12, y - i * 6] });
    await sendMouse({ type: 'up' });
    await settled(map, () => true, 'the pan');
    const after = map.latLngToContainerPoint([36.2, 117.1]);
    expect(after.x - before.x).to.be.closeTo(120, 30);
    expect(after.y - before.y).to.be.closeTo(-60, 30);
  });

  it('the wheel zooms in at the pointer, a double click zooms in', async () => {
    const { map, box } = await mapAtZoom12();
    const [x, y] = spot(box, 0.35, 0.65);
    await cdp('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await cdp('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: -300 });
    await settled(map, () => map.getZoom() > 12, 'the wheel zoom');
    const afterWheel = map.getZoom();
    expect(afterWheel).to.be.greaterThan(12);
    for (const clickCount of [1, 2]) {
      await cdp('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', buttons: 1, clickCount });
      await cdp('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', buttons: 0, clickCount });
    }
    await settled(map, () => map.getZoom() >= afterWheel + 1, 'the double-click zoom');
    expect(map.getZoom()).to.equal(afterWheel + 1);
  });

  it('the keyboard zooms with + and - and pans with the arrow keys', async () => {
    const { map } = await mapAtZoom12();
    map.getContainer().focus();
    await sendKeys({ press: '+' });
    await settled(map, () => map.getZoom() === 13, 'zoom in by key');
    await sendKeys({ press: '-' });
    await settled(map, () => map.getZoom() === 12, 'zoom out by key');
    const before = map.getCenter();
    await sendKeys({ press: 'ArrowRight' });
    await settled(map, () => map.getCenter().lng > before.lng, 'pan by key');
    expect(map.getCenter().lng).to.be.greaterThan(before.lng);
  });

  it('a shift-drag zooms to the box drawn', async () => {
    const { map, box } = await mapAtZoom12();
    const [x0, y0] = spot(box, 0.3, 0.4);
    const [x1, y1] = spot(box, 0.45, 0.6);
    const corner0 = map.containerPointToLatLng([x0 - box.left, y0 - box.top]);
    const corner1 = map.containerPointToLatLng([x1 - box.left, y1 - box.top]);
    const shift = 8;
    await cdp('Input.dispatchMouseEvent', { type: 'mouseMoved', x: x0, y: y0, modifiers: shift });
    await cdp('Input.dispatchMouseEvent', { type: 'mousePressed', x: x0, y: y0, button: 'left', buttons: 1, clickCount: 1, modifiers: shift });
    for (let i = 1; i <= 8; i++) {
      const x = x0 + ((x1 - x0) * i) / 8;
      const y = y0 + ((y1 - y0) * i) / 8;
      await cdp('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y, button: 'left', buttons: 1, modifiers: shift });
    }
    await cdp('Input.dispatchMouseEvent', { type: 'mouseReleased', x: x1, y: y1, button: 'left', buttons: 1, clickCount: 1, modifiers: shift });
    await settled(map, () => map.getZoom() > 12, 'the box zoom');
    expect(map.getZoom()).to.be.greaterThan(12);
    // The view now shows the box, centred on it.
    const center = map.getCenter();
    expect(center.lat).to.be.closeTo((corner0.lat + corner1.lat) / 2, Math.abs(corner0.lat - corner1.lat) / 4);
    expect(center.lng).to.be.closeTo((corner0.lng + corner1.lng) / 2, Math.abs(corner0.lng - corner1.lng) / 4);
  });

  (inShippedRun ? it.skip : it)('one finger pans, two fingers pinch to zoom', async () => {
    const { map, box } = await mapAtZoom12();
    const gesture = (fingers: Array<Array<[number, number]>>) => executeServerCommand('touch-gesture', { fingers });
    const steps = (from: readonly [number, number], dx: number, dy: number) =>
      Array.from({ length: 11 }, (_, i): [number, number] => [from[0] + (dx * i) / 10, from[1] + (dy * i) / 10]);

    const before = map.latLngToContainerPoint([36.2, 117.1]);
    await gesture([steps(spot(box, 0.3, 0.6), 100, 50)]);
    await settled(map, () => true, 'the touch pan');
    const after = map.latLngToContainerPoint([36.2, 117.1]);
    expect(after.x - before.x).to.be.closeTo(100, 30);
    expect(after.y - before.y).to.be.closeTo(50, 30);

    const [cx, cy] = spot(box, 0.5, 0.5);
    await gesture([steps([cx - 40, cy], -120, 0), steps([cx + 40, cy], 120, 0)]);
    await settled(map, () => map.getZoom() > 12, 'the pinch zoom');
    expect(map.getZoom()).to.be.greaterThan(12);
  });
});
