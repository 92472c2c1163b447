/** Shared helpers of the browser tests. */
import type { LoadedNetwork } from '../../src/controllers/network-controller.js';
import type { StationStore } from '../../src/data/station-store.js';
import type { MapController } from '../../src/map/map-controller.js';
import type { StationMap } from '../../src/station-map.js';
import type { StationMapEventMap } from '../../src/events.js';

/** Adds `markup` to a sized container in the page and returns the first `<station-map>` in it. */
export async function fixture(markup: string, options: { width?: number; height?: number } = {}): Promise<StationMap> {
  const container = document.createElement('div');
  container.className = 'fixture';
  container.style.width = `${options.width ?? 1000}px`;
  container.innerHTML = markup;
  document.body.append(container);
  const el = container.querySelector('station-map') as StationMap;
  if (options.height) el.style.height = `${options.height}px`;
  await el.updateComplete;
  return el;
}

/** Removes every fixture. */
export function cleanup(): void {
  for (const el of document.querySelectorAll('.fixture')) el.remove();
}

/** Resolves with the next `type` event from `target` (rejects after `ms`). */
export function nextEvent<K extends keyof StationMapEventMap>(
  target: EventTarget,
  type: K,
  ms = 8000,
): Promise<StationMapEventMap[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${ms} ms`)), ms);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as StationMapEventMap[K]);
      },
      { once: true },
    );
  });
}

/** Waits until `check` returns a truthy value (polling each animation frame). */
export async function waitFor<T>(check: () => T | null | undefined | false, ms = 8000, what = 'condition'): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** The element's shadow root, typed. */
export function shadow(el: StationMap): ShadowRoot {
  return el.shadowRoot!;
}

/** Station pins and clusters currently drawn on the map. */
export function markers(el: StationMap): { pins: HTMLElement[]; clusters: HTMLElement[] } {
  const root = shadow(el);
  return {
    pins: [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon.sm-pin')],
    clusters: [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon.sm-cluster')],
  };
}

/** A FeatureCollection of `n` valid stations around Tai'an. */
export function stationsAround(n: number, prefix = 'TA'): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: `${prefix}-${String(i).padStart(4, '0')}`,
      geometry: { type: 'Point', coordinates: [117.0 + (i % 20) * 0.01, 36.15 + Math.floor(i / 20) * 0.01] },
      properties: {
        name: `${prefix} 测试驿站 ${i}`,
        type: i % 2 ? 'union-station' : 'outdoor-worker-station',
        hours: '24/7',
        services: ['water', 'toilet'],
      },
    })),
  };
}

/**
 * Whether `root` contains `selector`. Tests assert on this boolean, not on the element: a failing
 * assertion that prints a Leaflet-laden element makes the runner hang while serialising it.
 */
export function has(root: ParentNode, selector: string): boolean {
  return root.querySelector(selector) !== null;
}

/** The element's insides that tests read: its loaded path network, station store and map. */
export interface StationMapInternals {
  pathNetwork: { data: LoadedNetwork | null };
  store: StationStore | null;
  mapController: MapController | null;
}

/**
 * The element's internals. Tests reach them only through this helper (and {@link leafletMapOf}),
 * so a rename inside the element is mended in one place; nothing is renamed in the shipped
 * bundles, so it works on them too.
 */
export function internalsOf(el: StationMap): StationMapInternals {
  return el as unknown as StationMapInternals;
}

/** The element's Leaflet map, or `null` before it is made. */
export function leafletMapOf(el: StationMap): import('leaflet').Map | null {
  return internalsOf(el).mapController?.map ?? null;
}

/**
 * Stubs `fetch` for URLs ending in `path` with a body the test sends a piece at a time, so what
 * arrived when is exact; `restore` puts the real `fetch` back.
 */
export function feedableDownload(path: string) {
  const original = window.fetch;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  window.fetch = (input, init) =>
    (input instanceof Request ? input.url : String(input as string | URL)).endsWith(path)
      ? Promise.resolve(new Response(body, { headers: { 'content-type': 'application/geo+json' } }))
      : original(input, init);
  const encoder = new TextEncoder();
  return {
    send: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
    restore: () => void (window.fetch = original),
  };
}
