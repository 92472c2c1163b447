import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

// axe-core ships as a classic script; loading it by tag keeps it out of the module graph.
async function loadAxe(): Promise<void> {
  if ((window as { axe?: unknown }).axe) return;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

type AxeResult = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };

/** axe's heading rules over the page part that holds the `<h1>` and the element. */
async function headingViolations(context: Element): Promise<string[]> {
  await loadAxe();
  const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResult> } }).axe;
  const result = await axe.run(context, { runOnly: { type: 'rule', values: ['heading-order', 'empty-heading', 'page-has-heading-one'] } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'A', geometry: { type: 'Point', coordinates: [117.13, 36.21] }, properties: { name: '红门工会驿站', type: 'union-station', services: ['water'], honors: ['最美驿站'] } },
    { type: 'Feature', id: 'B', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '中天门驿站' } },
  ],
};

async function pageWithH1(attributes = ''): Promise<StationMap> {
  const el = await fixture(`<h1>泰安市工会驿站地图</h1><station-map basemap="none" lang="zh-CN" ${attributes}></station-map>`);
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length === 2, 6000, 'pins');
  // The list and its headings come a frame after the pins.
  await el.updateComplete;
  return el;
}

const levels = (el: StationMap) =>
  [...shadow(el).querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => !h.closest('[hidden]')).map((h) => h.tagName.toLowerCase());

describe('heading-level', () => {
  afterEach(cleanup);

  it('by default the list heading is an <h2>, so an <h1> right above passes axe heading-order', async () => {
    const el = await pageWithH1();
    expect(levels(el)).to.deep.equal(['h2']);
    expect(await headingViolations(el.parentElement!)).to.deep.equal([]);
    el.select('A');
    await el.updateComplete;
    // The station name takes the top level, its sections the next.
    expect(levels(el)).to.deep.equal(['h2', 'h3', 'h3', 'h3']);
    expect(shadow(el).querySelector('#detail-title')!.tagName).to.equal('H2');
    expect(await headingViolations(el.parentElement!)).to.deep.equal([]);
  });

  it('the check catches a skipped level (heading-level="4" under an <h1>)', async () => {
    const el = await pageWithH1('heading-level="4"');
    expect(levels(el)).to.deep.equal(['h4']);
    expect((await headingViolations(el.parentElement!)).some((v) => v.startsWith('heading-order'))).to.equal(true);
  });

  it('a page sets the level, and a bad value falls back to 2', async () => {
    const el = await pageWithH1('heading-level="3"');
    el.select('A');
    await el.updateComplete;
    expect(levels(el)).to.deep.equal(['h3', 'h4', 'h4', 'h4']);
    el.setAttribute('heading-level', 'big');
    await el.updateComplete;
    expect(levels(el)[0]).to.equal('h2');
    // The name heading still takes focus when the panel opens.
    el.setAttribute('heading-level', '1');
    el.select('B');
    await el.updateComplete;
    await waitFor(() => shadow(el).activeElement?.id === 'detail-title', 3000, 'focus on the title');
    expect(shadow(el).activeElement!.tagName).to.equal('H1');
  });
});
