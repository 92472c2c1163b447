/**
 * Tiled mode (docs/design/tiled-stations.md) against the three producers of tiles, all built from
 * the same 400 fixture stations by the test server (tests/browser/server/tile-routes.mjs): a PMTiles
 * archive read with range requests, a `{z}/{x}/{y}` server of the producer's tiles, and the PostGIS
 * recipe's SQL function (skipped here when PostgreSQL is unreachable, failing in CI).
 */
import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { nearestStations } from '../../src/data/nearest-stations.js';
import { parseStations } from '../../src/data/parse-stations.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { lngLatToTile } from '../../src/tiles/tile-math.js';
import { fromWgs84 } from '../../src/geo/crs/crs.js';
import type { Station } from '../../src/types.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, internalsOf, leafletMapOf, markers, nextEvent, shadow, waitFor } from './helpers.js';

const BASE = '/test-api/station-tiles/';
const KNOWN = ['union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room'];

let fixtureStations: Station[] = [];

/** The marker counts a user sees: cluster badges (sorted) and the number of pins. */
function drawn(el: StationMap): { clusters: number[]; pins: number } {
  const { clusters, pins } = markers(el);
  return { clusters: clusters.map((c) => Number(c.textContent)).sort((a, b) => a - b), pins: pins.length };
}

/**
 * What the producer's clusters at map zoom `z` must show for the stations `keep` accepts: per cell
 * (a cell of a zoom-z tile is the zoom z+2 tile), a badge with the kept count when the cell holds
 * two or more stations, a pin when it holds one kept station.
 */
function expectedAt(z: number, keep: (s: Station) => boolean = () => true, skip: (s: Station) => boolean = () => false) {
  const cells = new Map<string, Station[]>();
  for (const s of fixtureStations) {
    if (skip(s)) continue;
    const [lng, lat] = s.geometry.coordinates as [number, number];
    const { x, y } = lngLatToTile(lng, lat, z + 2);
    const key = `${x}/${y}`;
    cells.set(key, [...(cells.get(key) ?? []), s]);
  }
  const clusters: number[] = [];
  let pins = 0;
  for (const members of cells.values()) {
    const kept = members.filter(keep).length;
    if (members.length === 1) pins += kept;
    else if (kept > 0) clusters.push(kept);
  }
  return { clusters: clusters.sort((a, b) => a - b), pins };
}

const SOURCES = [
  { name: 'a PMTiles archive', attrs: (fail = '') => `src="${BASE}stations.pmtiles${fail && `?fail=${fail}`}"` },
  { name: 'a {z}/{x}/{y} tile server', attrs: (fail = '') => `tiles="${BASE}xyz/{z}/{x}/{y}${fail && `?fail=${fail}`}"` },
  { name: 'the PostGIS recipe', attrs: (fail = '') => `tiles="${BASE}pg/{z}/{x}/{y}${fail && `?fail=${fail}`}"`, postgis: true },
];

before(async () => {
  fixtureStations = parseStations(await (await fetch(`${BASE}stations.geojson`)).json()).stations;
  expect(fixtureStations).to.have.length(400);
});

describe('tiled mode: an archive that cannot be read', () => {
  afterEach(cleanup);

  it('says so with a retry button, and loads when the user retries once the host is back', async () => {
    const key = `down-${Date.now()}`;
    await fetch(`${BASE}switch?key=${key}&down=1`);
    const failed = nextEvent(document, 'station-map-error', 15000);
    const el = await fixture(`<station-map lang="en" basemap="none" src="${BASE}stations.pmtiles?key=${key}"></station-map>`);
    expect((await failed).detail.code).to.equal('fetch-failed');
    await el.updateComplete;
    const retry = await waitFor(() => shadow(el).querySelector<HTMLButtonElement>('.message.error button'), 4000, 'the retry button');
    await fetch(`${BASE}switch?key=${key}&down=0`);
    const loaded = nextEvent(document, 'stations-load', 15000);
    retry.click();
    expect((await loaded).detail.count).to.equal(400);
    await el.updateComplete;
    expect(shadow(el).querySelector('.message.error')).to.equal(null);
  });
});

describe('tiled mode: switching sources', () => {
  afterEach(cleanup);

  it('goes from a GeoJSON file to an archive and back, showing only the current source’s stations', async () => {
    let loaded = nextEvent(document, 'stations-load', 15000);
    const el = await fixture(`<station-map basemap="none" src="/test-api/small.geojson"></station-map>`);
    expect((await loaded).detail.count).to.equal(3);
    loaded = nextEvent(document, 'stations-load', 15000);
    el.src = `${BASE}stations.pmtiles`;
    const tiled = (await loaded).detail;
    expect([tiled.count, tiled.tiled]).to.deep.equal([400, true]);
    const shown = drawn(el);
    expect(shown.clusters.reduce((a, b) => a + b, 0) + shown.pins).to.equal(400);
    loaded = nextEvent(document, 'stations-load', 15000);
    el.src = '/test-api/small.geojson?tag=again';
    const back = (await loaded).detail;
    expect([back.count, back.tiled]).to.deep.equal([3, undefined]);
    await el.updateComplete;
    await waitFor(() => drawn(el).pins + drawn(el).clusters.reduce((a, b) => a + b, 0) === 3, 4000, 'the three GeoJSON stations alone');
  });
});

describe('tiled mode: the requests of a PMTiles first view', () => {
  afterEach(cleanup);

  it('reads the header, directory and metadata in one request and the view’s tiles together in one more', async () => {
    const url = `${BASE}stations.pmtiles?key=economy`;
    const loaded = nextEvent(document, 'stations-load', 15000);
    const el = await fixture(`<station-map basemap="none" src="${url}"></station-map>`);
    expect((await loaded).detail.count).to.equal(400);
    await el.updateComplete;
    const shown = drawn(el);
    expect(shown.clusters.reduce((a, b) => a + b, 0) + shown.pins).to.equal(400);
    // One request a tile, and the header, the directory and the metadata each their own, made 14
    // requests here (more round trips than a phone's link can afford, six at a time on HTTP/1.1).
    const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('stations.pmtiles?key=economy'));
    expect(requests.length).to.equal(2);
  });
});

for (const source of SOURCES) {
  describe(`tiled mode: ${source.name}`, function () {
    this.timeout(30000);

    before(async function () {
      if (!source.postgis) return;
      const status = (await (await fetch(`${BASE}pg-status`)).json()) as { reachable: boolean; reason: string | null; ci: boolean };
      if (status.reachable) return;
      // Locally PostgreSQL may be missing; CI installs it (.ci/run), so there it must be reachable.
      if (status.ci) throw new Error(`PostGIS is not reachable in CI: ${status.reason}`);
      this.skip();
    });

    afterEach(cleanup);

    it('fires stations-load once, with the total, tiled: true and the stations’ bounds', async () => {
      let loads = 0;
      const count = () => loads++;
      document.addEventListener('stations-load', count);
      try {
        const loaded = nextEvent(document, 'stations-load', 15000);
        const el = await fixture(`<station-map basemap="none" ${source.attrs()}></station-map>`);
        const { detail } = await loaded;
        expect(detail.count).to.equal(400);
        expect(detail.tiled).to.equal(true);
        expect(detail.skipped).to.deep.equal([]);
        const lngs = fixtureStations.map((s) => s.geometry.coordinates[0]!);
        const lats = fixtureStations.map((s) => s.geometry.coordinates[1]!);
        const [w, s, e, n] = detail.bbox!;
        // Every station inside, and not much more than their extent.
        expect(w).to.be.at.most(Math.min(...lngs) + 1e-6);
        expect(s).to.be.at.most(Math.min(...lats) + 1e-6);
        expect(e).to.be.at.least(Math.max(...lngs) - 1e-6);
        expect(n).to.be.at.least(Math.max(...lats) - 1e-6);
        expect(e - w).to.be.below(2 * (Math.max(...lngs) - Math.min(...lngs)));
        // The first view shows every station (clusters and pins add up to the total).
        const shown = drawn(el);
        expect(shown.clusters.reduce((a, b) => a + b, 0) + shown.pins).to.equal(400);
        expect(shadow(el).querySelector('[part="status"]')!.textContent).to.contain('400');
        leafletMapOf(el)!.setZoom(leafletMapOf(el)!.getZoom() + 1);
        await new Promise((r) => setTimeout(r, 500));
        expect(loads).to.equal(1);
      } finally {
        document.removeEventListener('stations-load', count);
      }
    });

    it('draws the producer’s clusters with their counts at a low zoom, and a type chip cuts them', async () => {
      const loaded = nextEvent(document, 'stations-load', 15000);
      const el = await fixture(`<station-map lang="zh-CN" basemap="none" center="117.2,36.3" zoom="8" ${source.attrs()}></station-map>`);
      await loaded;
      const zoom = leafletMapOf(el)!.getZoom();
      expect(zoom).to.equal(8);
      const all = expectedAt(zoom);
      expect(all.clusters.length).to.be.above(10);
      await waitFor(() => JSON.stringify(drawn(el)) === JSON.stringify(all), 8000, 'the clusters of zoom 8');

      const chip = [...shadow(el).querySelectorAll<HTMLButtonElement>('button[part="chip"]')].find((b) => b.textContent!.includes(zhCN.stationTypes['mommy-room']))!;
      chip.click();
      const mommy = expectedAt(zoom, (s) => s.properties.type === 'mommy-room');
      expect(mommy.clusters.reduce((a, b) => a + b, 0)).to.be.below(all.clusters.reduce((a, b) => a + b, 0));
      await waitFor(() => JSON.stringify(drawn(el)) === JSON.stringify(mommy), 8000, 'the clusters cut to mommy rooms');
      expect(chip.getAttribute('aria-pressed')).to.equal('true');

      // A cluster zooms in to where its cell becomes a tile of its own (two zooms down).
      await new Promise((r) => setTimeout(r, 300));
      markers(el).clusters[0]!.click();
      await waitFor(() => leafletMapOf(el)!.getZoom() === 10, 8000, 'the zoom into the cluster');
    });

    it('shows a station’s detail at the station zoom', async () => {
      const target = fixtureStations[37]!;
      const [lng, lat] = target.geometry.coordinates as [number, number];
      const el = await fixture(`<station-map basemap="none" center="${lng},${lat}" zoom="15" ${source.attrs()}></station-map>`);
      const pin = await waitFor(() => markers(el).pins.find((p) => p.getAttribute('aria-label') === target.properties.name), 10000, 'the station’s pin');
      pin.click();
      const title = await waitFor(() => shadow(el).querySelector('#detail-title'), 8000, 'the detail panel');
      expect(title.textContent!.trim()).to.equal(target.properties.name);
      await el.updateComplete;
      const detail = shadow(el).querySelector('[part="detail"]')!.textContent!;
      expect(detail).to.contain(target.properties.address as string);
      expect(detail).to.contain(target.properties.phone as string);
    });

    it('lists the exact nearest stations around origin, as a brute-force scan of every station does', async () => {
      const el = await fixture(`<station-map basemap="none" nearest="6" origin="117.43,36.61" ${source.attrs()}></station-map>`);
      const expected = nearestStations(fixtureStations, 117.43, 36.61, 6).map((r) => r.station.id);
      const listed = () => {
        const store = internalsOf(el).store;
        const rows = [...shadow(el).querySelectorAll<HTMLElement>('.list-view button.item')];
        return store ? rows.map((row) => store.station(Number(row.dataset.index)).id) : [];
      };
      await waitFor(() => JSON.stringify(listed()) === JSON.stringify(expected), 10000, 'the nearest six in the list');

      for (const [x, y] of [[116.7, 35.85], [117.121, 36.201], [118.5, 37.5]] as const) {
        const found = await el.findNearest(x, y, 4);
        expect(found.map((r) => r.station.id)).to.deep.equal(nearestStations(fixtureStations, x, y, 4).map((r) => r.station.id));
        const filtered = await el.findNearest(x, y, 3, { types: ['other'] });
        const keep = (s: Station) => !KNOWN.includes(s.properties.type as string);
        expect(filtered.map((r) => r.station.id)).to.deep.equal(nearestStations(fixtureStations, x, y, 3, keep).map((r) => r.station.id));
      }
    });

    it('finds a station no loaded tile holds through lookup-url, by select(id) and by the search box', async () => {
      // The view is at the fixture's south-west corner; the station is ~100 km away.
      const target = fixtureStations.reduce((best, s) => (s.geometry.coordinates[0]! + s.geometry.coordinates[1]! > best.geometry.coordinates[0]! + best.geometry.coordinates[1]! ? s : best));
      const el = await fixture(
        `<station-map lang="zh-CN" basemap="none" center="116.62,35.82" zoom="15" lookup-url="${BASE}lookup?q={q}&id={id}" ${source.attrs()}></station-map>`,
      );
      await waitFor(() => internalsOf(el).store, 8000, 'the first tiles');
      expect(internalsOf(el).store!.indexById.has(target.id)).to.equal(false);
      el.select(target.id);
      const title = await waitFor(() => shadow(el).querySelector('#detail-title'), 8000, 'the looked-up station’s detail');
      expect(title.textContent!.trim()).to.equal(target.properties.name);
      expect(el.selected).to.equal(target.id);

      const other = fixtureStations.find((s) => s.id !== target.id && s.geometry.coordinates[1]! > 36.7)!;
      el.clearSelection();
      await el.updateComplete;
      const box = shadow(el).querySelector<HTMLInputElement>('input.search')!;
      box.value = other.properties.name;
      box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      // The box applies what is typed after a pause, as a user types.
      await waitFor(() => el.filter?.text === other.properties.name, 4000, 'the typed search');
      await waitFor(
        () => [...shadow(el).querySelectorAll('.list-view button.item')].some((row) => row.textContent!.includes(other.properties.name)),
        8000,
        'the looked-up station in the list',
      );
    });

    it('answers findNearest called at once, before the element has drawn anything', async () => {
      const container = document.createElement('div');
      container.className = 'fixture';
      container.innerHTML = `<station-map basemap="none" ${source.attrs()}></station-map>`;
      document.body.append(container);
      const found = await container.querySelector('station-map')!.findNearest(117.0, 36.0, 2);
      expect(found.map((r) => r.station.id)).to.deep.equal(nearestStations(fixtureStations, 117.0, 36.0, 2).map((r) => r.station.id));
    });

    it('speaks the page crs: positions given and stations given back in GCJ-02', async () => {
      const el = await fixture(`<station-map basemap="none" crs="gcj02" ${source.attrs()}></station-map>`);
      const [x, y] = fromWgs84([117.3, 36.4], 'gcj02');
      const found = await el.findNearest(x, y, 3);
      const expected = nearestStations(fixtureStations, 117.3, 36.4, 3);
      expect(found.map((r) => r.station.id)).to.deep.equal(expected.map((r) => r.station.id));
      const [gx, gy] = fromWgs84(expected[0]!.station.geometry.coordinates as [number, number], 'gcj02');
      const [fx, fy] = found[0]!.station.geometry.coordinates as [number, number];
      expect(Math.abs(fx - gx) + Math.abs(fy - gy)).to.be.below(1e-5);
    });

    it('reports a tile that keeps failing once, as tiles-failed, and draws the rest', async () => {
      const failing = lngLatToTile(117.2, 36.3, 8);
      const key = `${failing.z}/${failing.x}/${failing.y}`;
      const errors: string[] = [];
      const record = (event: Event) => errors.push((event as CustomEvent<{ code: string }>).detail.code);
      document.addEventListener('station-map-error', record);
      try {
        const loaded = nextEvent(document, 'stations-load', 15000);
        const el = await fixture(`<station-map basemap="none" center="117.2,36.3" zoom="8" ${source.attrs(key)}></station-map>`);
        await loaded;
        const inFailed = (s: Station) => {
          const t = lngLatToTile(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, 8);
          return `8/${t.x}/${t.y}` === key;
        };
        expect(fixtureStations.filter(inFailed).length).to.be.above(0);
        const rest = expectedAt(8, () => true, inFailed);
        await waitFor(() => JSON.stringify(drawn(el)) === JSON.stringify(rest), 8000, 'the stations of the other tiles');
        await new Promise((r) => setTimeout(r, 800));
        expect(errors.filter((code) => code === 'tiles-failed')).to.have.length(1);
        expect(JSON.stringify(drawn(el))).to.equal(JSON.stringify(rest));
      } finally {
        document.removeEventListener('station-map-error', record);
      }
    });
  });
}
