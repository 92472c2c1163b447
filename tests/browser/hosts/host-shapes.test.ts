/**
 * Where apps put the widget: inside another component's shadow root, in a container that starts
 * hidden (tabs, accordions, modals) and in a container whose size changes (split panes, drawers).
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, leafletMapOf, nextEvent, stationsAround, waitFor } from '../helpers.js';

/** The element's Leaflet map (a debug hook: private, but what a size bug is about). */
function leafletOf(el: StationMap): import('leaflet').Map {
  return leafletMapOf(el)!;
}

/** Width and height of the map region on screen, and the size Leaflet works with. */
function sizes(el: StationMap): { box: string; leaflet: string } {
  const region = el.shadowRoot!.querySelector<HTMLElement>('.map')!;
  const size = leafletOf(el).getSize();
  return { box: `${region.clientWidth}x${region.clientHeight}`, leaflet: `${size.x}x${size.y}` };
}

/** How many drawn pins and clusters lie (by their centre) inside the visible map region. */
function markersInView(el: StationMap): { inside: number; total: number } {
  const root = el.shadowRoot!;
  const box = root.querySelector<HTMLElement>('.map')!.getBoundingClientRect();
  const icons = [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon.sm-pin, .leaflet-marker-icon.sm-cluster')];
  const inside = icons.filter((icon) => {
    const r = icon.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
  }).length;
  return { inside, total: icons.length };
}

function addContainer(style: string): HTMLDivElement {
  const container = document.createElement('div');
  container.className = 'fixture';
  container.style.cssText = style;
  document.body.append(container);
  return container;
}

/** An app component that renders <station-map> in its own shadow root. */
class StationPanelHost extends HTMLElement {
  map!: StationMap;
  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const map = document.createElement('station-map');
    map.setAttribute('basemap', 'none');
    map.style.height = '500px';
    map.stations = stationsAround(12, 'SH');
    root.append(map);
    this.map = map;
  }
}
customElements.define('station-panel-host', StationPanelHost);

describe('hosts: shapes of the page around the element', () => {
  afterEach(cleanup);

  it('inside another shadow root: it renders, and events reach the outer host and document, retargeted', async () => {
    const container = addContainer('width: 1000px');
    const host = document.createElement('station-panel-host') as StationPanelHost;
    const loaded = nextEvent(document, 'stations-load');
    container.append(host);
    expect((await loaded).detail.count).to.equal(12);
    const el = host.map;
    await waitFor(() => el.shadowRoot!.querySelectorAll('.leaflet-marker-icon').length > 0, 8000, 'markers');
    // The list comes a frame after the pins.
    await el.updateComplete;

    const seen: string[] = [];
    const onHost = (e: Event) => seen.push(`host:${(e.target as Element).localName}`);
    const onDocument = (e: Event) => seen.push(`document:${(e.target as Element).localName}`);
    host.addEventListener('station-select', onHost);
    document.addEventListener('station-select', onDocument);
    const picked = nextEvent(document, 'station-select');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.item')!.click();
    const event = await picked;
    host.removeEventListener('station-select', onHost);
    document.removeEventListener('station-select', onDocument);

    expect(event.detail.id).to.match(/^SH-/);
    expect(event.detail.source).to.equal('list');
    // Outside the app's shadow root the event looks as if the app component fired it.
    expect(seen).to.deep.equal(['host:station-panel-host', 'document:station-panel-host']);
    expect(event.composed && event.bubbles).to.equal(true);
  });

  it('moved to another place while its data loads (portals, drag and drop): it still loads and shows', async () => {
    const first = addContainer('width: 900px');
    const second = addContainer('width: 900px');
    const el = document.createElement('station-map');
    el.setAttribute('basemap', 'none');
    // A fresh URL each run: a cached answer would come before the move (the suite runs again on the shipped bundles).
    el.setAttribute('src', `/test-api/slow.geojson?ms=400&tag=moved&run=${Math.random()}`);
    el.style.height = '400px';
    first.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the request is on its way
    const loaded = nextEvent(el, 'stations-load');
    second.append(el); // disconnect + connect
    expect((await loaded).detail.count).to.equal(3);
    await waitFor(() => el.shadowRoot!.querySelectorAll('.leaflet-marker-icon.sm-pin').length === 3, 8000, 'three pins after the move');
    await waitFor(() => sizes(el).leaflet === sizes(el).box, 8000, 'the map sized in its new place');
    expect(sizes(el).box).to.not.equal('0x0');
  });

  it('in a container that starts hidden: once shown, the map fills it and the stations are in view', async () => {
    const container = addContainer('width: 900px; display: none');
    const el = document.createElement('station-map');
    el.setAttribute('basemap', 'none');
    el.style.height = '500px';
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(40, 'HD');
    container.append(el);
    await loaded;
    await el.updateComplete;
    await waitFor(() => leafletMapOf(el), 8000, 'the map');
    expect(sizes(el).box).to.equal('0x0');

    container.style.display = 'block';
    await waitFor(() => sizes(el).box !== '0x0', 8000, 'layout');
    await waitFor(() => sizes(el).leaflet === sizes(el).box, 8000, 'Leaflet to take the shown size');
    expect(sizes(el).leaflet).to.equal(sizes(el).box);
    // The stations were fitted into a 0×0 map while hidden; shown, they must be on screen.
    await waitFor(() => markersInView(el).inside > 0, 8000, 'markers in the visible map');
    const { inside, total } = markersInView(el);
    expect(inside).to.equal(total);
    // Not all piled at the top-left corner where a 0×0 map would put them: spread over the map.
    const region = el.shadowRoot!.querySelector<HTMLElement>('.map')!.getBoundingClientRect();
    const lefts = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.leaflet-marker-icon.sm-pin, .leaflet-marker-icon.sm-cluster')].map(
      (icon) => icon.getBoundingClientRect().left - region.left,
    );
    expect(Math.max(...lefts) - Math.min(...lefts)).to.be.greaterThan(region.width / 4);
  });

  it('in a container whose size changes: the map follows', async () => {
    const container = addContainer('width: 900px');
    const el = document.createElement('station-map');
    el.setAttribute('basemap', 'none');
    el.style.height = '520px';
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(20, 'RS');
    container.append(el);
    await loaded;
    await waitFor(() => leafletMapOf(el), 8000, 'the map');
    await waitFor(() => sizes(el).leaflet === sizes(el).box, 8000, 'the first size');
    const before = sizes(el).leaflet;

    container.style.width = '1300px';
    el.style.height = '700px';
    await waitFor(() => sizes(el).box !== before, 8000, 'layout');
    await waitFor(() => sizes(el).leaflet === sizes(el).box, 8000, 'Leaflet to follow the bigger size');
    expect(sizes(el).leaflet).to.not.equal(before);

    container.style.width = '760px';
    el.style.height = '540px';
    await waitFor(() => sizes(el).leaflet === sizes(el).box && sizes(el).box !== '', 8000, 'Leaflet to follow the smaller size');
    const [w, h] = sizes(el).leaflet.split('x').map(Number);
    expect(w).to.be.lessThan(760);
    expect(h).to.be.at.most(540);
  });
});
