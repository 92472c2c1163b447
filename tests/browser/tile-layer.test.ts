// The basemap tiles (src/map/tile-layer.ts) on a real Leaflet map, served by the test server as
// 256 px SVG squares: every tile must sit where its z/x/y says, cover the view after each kind of
// move (animated zoom, pan, jump, antimeridian, past the tiles' deepest zoom), and go away when
// it is no longer needed.
import { expect } from '@esm-bundle/chai';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { leafletCss } from '../../src/map/leaflet-css.generated.js';
import { TileLayer, type TileSource } from '../../src/map/tile-layer.js';
import { waitFor } from './helpers.js';

const TILES = '/test-api/tiles/{z}/{x}/{y}.svg';

interface Placed {
  z: number;
  x: number;
  y: number;
  rect: DOMRect;
  loaded: boolean;
}

describe('basemap tile layer', () => {
  let container: HTMLDivElement;
  let style: HTMLStyleElement;
  let map: L.Map;
  let layer: TileLayer | null;
  let reports: boolean[];

  const add = (source: Partial<TileSource> = {}): TileLayer => {
    reports = [];
    layer = new TileLayer(L, map, { url: TILES, maxZoom: 19, ...source }, (ok) => reports.push(ok));
    return layer;
  };

  /** Every tile image with the z/x/y its URL names and where it is on screen. */
  const tiles = (): Placed[] =>
    [...container.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) => {
      const [z, x, y] = /tiles\/(\d+)\/(\d+)\/(\d+)/.exec(img.src)!.slice(1).map(Number) as [number, number, number];
      return { z, x, y, rect: img.getBoundingClientRect(), loaded: img.classList.contains('leaflet-tile-loaded') };
    });

  /** No tile is still loading and no zoom animation is running. */
  const settled = (): boolean =>
    !container.querySelector('.leaflet-zoom-anim') && tiles().length > 0 && tiles().every((t) => t.loaded);

  /**
   * Each tile's top-left corner, read back through the map, is the north-west corner of the tile
   * its URL names (x modulo the world), and its size is 256 px scaled from its zoom to the map's.
   */
  const expectPlaced = (): void => {
    const box = container.getBoundingClientRect();
    for (const t of tiles()) {
      const corner = map.project(map.containerPointToLatLng([t.rect.left - box.left, t.rect.top - box.top]), t.z).divideBy(256);
      const n = 2 ** t.z;
      const where = `${t.z}/${t.x}/${t.y} at ${corner.x.toFixed(3)},${corner.y.toFixed(3)}`;
      expect(Math.abs(corner.y - t.y), where).to.be.below(0.01);
      expect(Math.abs(corner.x - Math.round(corner.x)), where).to.be.below(0.01);
      expect((((Math.round(corner.x) % n) + n) % n), where).to.equal(t.x);
      expect(t.rect.width, where).to.be.closeTo(256 * map.getZoomScale(map.getZoom(), t.z), 1);
    }
  };

  /** Every point of a 7×7 grid over the map is inside a loaded tile of zoom `z`. */
  const expectCovered = (z: number): void => {
    const box = container.getBoundingClientRect();
    const shown = tiles().filter((t) => t.loaded && t.z === z);
    for (let i = 0; i <= 6; i++) {
      for (let j = 0; j <= 6; j++) {
        const x = box.left + 1 + ((box.width - 2) * i) / 6;
        const y = box.top + 1 + ((box.height - 2) * j) / 6;
        const inside = shown.some((t) => x >= t.rect.left && x <= t.rect.right && y >= t.rect.top && y <= t.rect.bottom);
        expect(inside, `no zoom-${z} tile at ${Math.round(x - box.left)},${Math.round(y - box.top)}`).to.equal(true);
      }
    }
  };

  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = leafletCss;
    container = document.createElement('div');
    container.style.cssText = 'width: 500px; height: 300px; position: relative';
    document.body.append(style, container);
    map = L.map(container, { zoomControl: false, attributionControl: false }).setView([35, 105], 4);
    layer = null;
  });

  afterEach(() => {
    layer?.remove();
    map.remove();
    container.remove();
    style.remove();
  });

  it('covers the view with the tiles its z/x/y name, each loaded tile reported once', async () => {
    add();
    await waitFor(settled, 5000, 'tiles loaded');
    expect(new Set(tiles().map((t) => t.z))).to.deep.equal(new Set([4]));
    expectPlaced();
    expectCovered(4);
    // 500×300 px at zoom 4 spans 2–3 columns and 2–3 rows of tiles; each loaded once, none failed.
    expect(tiles().length).to.be.within(4, 9);
    expect(reports).to.deep.equal(tiles().map(() => true));
  });

  it('after an animated zoom the new zoom covers the view and the old zoom is gone', async () => {
    add();
    await waitFor(settled, 5000, 'first tiles');
    const zoomed = new Promise((resolve) => map.once('zoomend', resolve));
    map.setZoom(6);
    await zoomed;
    await waitFor(() => settled() && tiles().every((t) => t.z === 6), 5000, 'zoom-6 tiles only');
    expectPlaced();
    expectCovered(6);
  });

  it('keeps the old zoom under the new one until the new tiles are in', async () => {
    add({ url: `${TILES}?ms=600` });
    await waitFor(settled, 5000, 'first tiles');
    const zoomed = new Promise((resolve) => map.once('zoomend', resolve));
    map.setZoom(5);
    await zoomed;
    // The zoom-5 tiles are still on their way: the zoom-4 ones, scaled ×2, fill the view meanwhile.
    expect(tiles().some((t) => t.z === 5 && !t.loaded)).to.equal(true);
    expectCovered(4);
    expectPlaced();
    await waitFor(() => settled() && tiles().every((t) => t.z === 5), 5000, 'zoom-5 tiles only');
    expectCovered(5);
  });

  it('a pan brings in the tiles that come into view and drops those far out of it', async () => {
    add();
    await waitFor(settled, 5000, 'first tiles');
    // Twelve pans of 700 px east: some 33 columns of tiles pass through the view.
    for (let i = 0; i < 12; i++) {
      map.panBy([700, 0], { animate: false });
      await waitFor(settled, 5000, `tiles after pan ${i}`);
    }
    expectPlaced();
    expectCovered(4);
    // The view (≤ 3×3 tiles) and two tiles around it at most: 7×7, not every tile ever seen.
    expect(tiles().length).to.be.at.most(49);
  });

  it('a jump far away re-places the view without a gap', async () => {
    add();
    await waitFor(settled, 5000, 'first tiles');
    map.setView([-33.9, 151.2], 9, { animate: false });
    await waitFor(() => settled() && tiles().every((t) => t.z === 9), 5000, 'zoom-9 tiles');
    expectPlaced();
    expectCovered(9);
  });

  it('across the antimeridian the tiles wrap: URLs in the world, images side by side', async () => {
    map.setView([10, 180], 3, { animate: false });
    add();
    await waitFor(settled, 5000, 'tiles');
    const columns = new Set(tiles().map((t) => t.x));
    expect(columns.has(7) && columns.has(0), `columns ${[...columns].join(',')}`).to.equal(true);
    expect(tiles().every((t) => t.x >= 0 && t.x < 8)).to.equal(true);
    expectPlaced();
    expectCovered(3);
  });

  it("past the tiles' deepest zoom their last level is scaled up, not left blank", async () => {
    map.setView([35, 105], 8, { animate: false });
    add({ maxZoom: 6 });
    await waitFor(settled, 5000, 'tiles');
    expect(new Set(tiles().map((t) => t.z))).to.deep.equal(new Set([6]));
    expect(tiles()[0]!.rect.width).to.be.closeTo(1024, 1);
    expectPlaced();
    expectCovered(6);
  });

  it('fills {s} from the subdomains and {-y} with the TMS row', async () => {
    add({ url: '/test-api/tiles/{z}/{x}/{-y}.svg?host={s}', subdomains: 'pq' });
    await waitFor(() => tiles().length > 0, 5000, 'tiles');
    for (const img of container.querySelectorAll<HTMLImageElement>('img.leaflet-tile')) {
      const url = new URL(img.src);
      const [z, x, tmsRow] = url.pathname.split('/').slice(-3).map((part) => parseInt(part, 10)) as [number, number, number];
      const row = 2 ** z - 1 - tmsRow;
      expect(url.searchParams.get('host')).to.equal('pq'[(x + row) % 2]);
    }
  });

  it('reports each failed tile, keeps it hidden, and the map still pans', async () => {
    add({ url: '/test-api/fault/tile?z={z}&x={x}&y={y}' });
    await waitFor(() => reports.length > 0 && reports.length === container.querySelectorAll('img').length, 5000, 'errors');
    expect(reports.every((ok) => !ok)).to.equal(true);
    const hidden = [...container.querySelectorAll('img')].every((img) => getComputedStyle(img).visibility === 'hidden');
    expect(hidden, 'failed tiles hidden (no broken-image icons)').to.equal(true);
  });

  it('remove() takes every tile away and stops listening to the map', async () => {
    add({ url: `${TILES}?ms=400` });
    await waitFor(() => tiles().length > 0, 5000, 'tiles asked for');
    layer!.remove();
    layer = null;
    expect(container.querySelectorAll('.leaflet-layer, img').length).to.equal(0);
    map.setZoom(6, { animate: false });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(container.querySelectorAll('img').length).to.equal(0);
    // Downloads stopped: nothing was reported after the removal.
    expect(reports).to.deep.equal([]);
  });
});
