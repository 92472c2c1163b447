// Station data comes from files anyone in a city's supply chain may have edited. Every string
// field of a station is set to each script-injection payload and shown everywhere the element
// shows data: the list, the detail panel of each station and the marker's title. Nothing may run,
// no data may become markup, attributes or a javascript: link.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, markers, nextEvent } from '../helpers.js';
import { listNames, mount, waitForAsync as waitFor } from './reliability-helpers.js';

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  ' JaVaScRiPt:window.__xss=1',
  'java\tscript:window.__xss=1',
  '" onmouseover="window.__xss=1',
  '<svg onload=window.__xss=1>',
  "' onfocus='window.__xss=1' autofocus '",
];

/** A station whose every string field (and list entry) is `payload`, around Tai'an. */
function hostileStation(payload: string, i: number): GeoJSON.Feature {
  return {
    type: 'Feature',
    // The payload is the id too; ids must be unique, and every payload differs.
    id: payload,
    geometry: { type: 'Point', coordinates: [117.0 + (i % 4) * 0.05, 36.1 + Math.floor(i / 4) * 0.05] },
    properties: {
      name: payload,
      'name:en': payload,
      'name:zh-Hant': payload,
      address: payload,
      phone: payload,
      hours: payload,
      type: payload,
      services: [payload, 'water'],
      manager: payload,
      website: payload,
      rating_url: payload,
      honors: [payload],
    },
  };
}

const DATA: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: PAYLOADS.map(hostileStation) };

interface Xss {
  __xss?: number;
}

/** Every element of `root`, including those in nested shadow roots. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    found.push(el);
    if (el.shadowRoot) found.push(...allElements(el.shadowRoot));
  }
  return found;
}

/** What would make a payload dangerous, found anywhere in the element's shadow DOM. */
function findInjections(el: StationMap): string[] {
  const problems: string[] = [];
  for (const node of allElements(el.shadowRoot!)) {
    for (const attr of node.attributes) {
      if (/^on/i.test(attr.name)) problems.push(`<${node.localName} ${attr.name}>`);
      if (/^(href|src|xlink:href|action|formaction)$/i.test(attr.name)) {
        // How a browser reads a URL: whitespace and control characters inside the scheme do not count.
        // eslint-disable-next-line no-control-regex -- the URL parser's "C0 control or space": control characters are the point
        const scheme = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (scheme.startsWith('javascript:') || scheme.startsWith('data:text/html')) problems.push(`<${node.localName} ${attr.name}="${attr.value}">`);
      }
    }
    if (node.localName === 'script' || node.localName === 'iframe' || node.localName === 'object' || node.localName === 'embed') {
      problems.push(`<${node.localName}>`);
    }
    // The only images are our own: Leaflet's and the widget's, never one named by the data.
    if (node.localName === 'img' && !/^(data:|blob:)/.test(node.getAttribute('src') ?? '')) problems.push(`<img src=${node.getAttribute('src')}>`);
  }
  return problems;
}

/** Gives every element the events the payloads wait for (hover, focus, load, error). */
function provoke(el: StationMap): void {
  for (const node of allElements(el.shadowRoot!)) {
    for (const type of ['mouseover', 'focus', 'load', 'error']) node.dispatchEvent(new Event(type));
  }
}

async function showAll(lang: string): Promise<void> {
  const el = mount({ basemap: 'none', lang }, { width: 1000, height: 600 });
  const loaded = nextEvent(el, 'stations-load');
  el.stations = DATA;
  const detail = await loaded;
  expect(detail.detail.count, 'every hostile station is a valid station').to.equal(PAYLOADS.length);
  await waitFor(() => listNames(el).length === PAYLOADS.length, 5000, 'every station in the list');

  // The list shows each payload as the station's name, as text.
  for (const payload of PAYLOADS) {
    expect(listNames(el).some((n) => n.includes(payload.trim().replace(/\s+/g, ' '))), `list shows ${payload}`).to.equal(true);
  }
  // The pins carry the payload as their title text.
  await waitFor(() => markers(el).pins.length === PAYLOADS.length, 5000, 'one pin per station');
  const titles = markers(el).pins.map((p) => p.title).sort();
  expect(titles).to.deep.equal([...PAYLOADS].sort());
  provoke(el);
  expect(findInjections(el), 'injections in the list and map').to.deep.equal([]);

  for (const payload of PAYLOADS) {
    // Ids are trimmed when parsed; names are kept as given.
    el.select(payload.trim());
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('.detail');
    expect(panel?.querySelector('h2')?.textContent, `detail title of ${payload}`).to.equal(payload);
    // Address, manager, hours and the honour are shown as the text they are.
    const text = panel?.textContent ?? '';
    expect(text.split(payload).length - 1, `${payload} shown as text in the panel`).to.be.at.least(4);
    provoke(el);
    expect(findInjections(el), `injections with ${payload} selected`).to.deep.equal([]);
    // No link from the data: none of these values is an http(s) or tel: URL.
    const dataLinks = [...(panel?.querySelectorAll('a') ?? [])].filter((a) => !a.hasAttribute('data-app'));
    expect(dataLinks.map((a) => a.getAttribute('href')), 'links made from the data').to.deep.equal([]);
  }
}

describe('hostile station data (XSS)', () => {
  before(() => {
    delete (window as Xss).__xss;
  });
  afterEach(cleanup);
  afterEach(async () => {
    // Payloads that would fire later (image errors, SVG loads) get their chance before the check.
    await new Promise((r) => setTimeout(r, 300));
    expect((window as Xss).__xss, 'window.__xss').to.equal(undefined);
  });

  it('in English: every field of every station, in the list, each detail panel and the pins', async () => {
    await showAll('en');
  });

  it('in Chinese (the name, not name:en): list, detail panels and pins', async () => {
    await showAll('zh-CN');
  });

  it('in traditional Chinese (name:zh-Hant): list, detail panels and pins', async () => {
    await showAll('zh-TW');
  });
});
