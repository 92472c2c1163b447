// Ten maps on one page (a city portal listing every district) with their own data and languages
// must not share anything a user could notice: stations, strings, selections, events or ids.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, stationsAround } from '../helpers.js';
import { listNames, statusText, waitForAsync as waitFor } from './reliability-helpers.js';

const LANGS = ['zh-CN', 'zh-TW', 'en'] as const;
/** How each language writes "N stations" in the status line. */
const COUNT_TEXT: Record<(typeof LANGS)[number], (n: number) => RegExp> = {
  'zh-CN': (n) => new RegExp(`^${n} 个站点`),
  'zh-TW': (n) => new RegExp(`^${n} 個站點`),
  en: (n) => new RegExp(`^${n} stations`),
};

interface Instance {
  el: StationMap;
  lang: (typeof LANGS)[number];
  prefix: string;
  count: number;
  selects: string[];
}

async function mountTen(): Promise<Instance[]> {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.style.cssText = 'display:grid;grid-template-columns:repeat(2, 480px);gap:8px';
  document.body.append(host);
  const instances: Instance[] = [];
  for (let i = 0; i < 10; i++) {
    const el = document.createElement('station-map') as StationMap;
    const lang = LANGS[i % 3]!;
    const prefix = `D${i}`;
    const count = 3 + i;
    el.setAttribute('basemap', 'none');
    el.setAttribute('lang', lang);
    el.style.height = '260px';
    // Each district sits somewhere else, so a mix-up would show foreign stations.
    const data = stationsAround(count, prefix);
    for (const f of data.features) {
      const p = f.geometry as GeoJSON.Point;
      p.coordinates = [p.coordinates[0]! + i * 0.5, p.coordinates[1]!];
    }
    el.stations = data;
    const instance: Instance = { el, lang, prefix, count, selects: [] };
    el.addEventListener('station-select', (e) => instance.selects.push(e.detail.id));
    host.append(el);
    instances.push(instance);
  }
  for (const { el, count } of instances) {
    await waitFor(() => listNames(el).length === Math.min(count, 50), 8000, 'each list');
  }
  return instances;
}

describe('ten instances on one page', function () {
  this.timeout(30000);
  afterEach(cleanup);

  it('each shows its own stations in its own language', async () => {
    const instances = await mountTen();
    for (const { el, lang, prefix, count } of instances) {
      expect(statusText(el), `${prefix} status`).to.match(COUNT_TEXT[lang](count));
      const names = listNames(el);
      expect(names.every((n) => n.includes(`${prefix} 测试驿站`)), `${prefix} shows only its own stations`).to.equal(true);
      expect(names.length).to.equal(count);
      expect(el.shadowRoot!.querySelector('.layout')!.getAttribute('lang')).to.equal(lang);
      expect(el.nearestStations(117 + Number(prefix.slice(1)) * 0.5, 36.15, 1)[0]!.station.id).to.equal(`${prefix}-0000`);
    }
    // The three languages really differ: one map's strings are not another's.
    const labels = new Set(instances.map(({ el }) => el.shadowRoot!.querySelector('[part="map"]')!.getAttribute('aria-label')));
    expect(labels.size).to.equal(3);
  });

  it('selecting in one fires only that one’s event and opens only its panel', async () => {
    const instances = await mountTen();
    const documentSelects: string[] = [];
    const onDocument = (e: Event) => documentSelects.push((e as CustomEvent).detail.id);
    document.addEventListener('station-select', onDocument);
    try {
      for (const target of [instances[4]!, instances[7]!]) {
        target.el.shadowRoot!.querySelectorAll<HTMLElement>('[part="list-item"]')[1]!.click();
        await target.el.updateComplete;
        const id = target.selects.at(-1)!;
        expect(id.startsWith(`${target.prefix}-`), `${target.prefix} selected its own station`).to.equal(true);
        expect(documentSelects.at(-1)).to.equal(id);
        for (const other of instances) {
          if (other === target) continue;
          expect(other.selects.filter((s) => s === id), `${other.prefix} heard ${id}`).to.deep.equal([]);
        }
      }
      // Exactly the two selections, each heard by its own element only.
      expect(instances.map((i) => i.selects.length)).to.deep.equal([0, 0, 0, 0, 1, 0, 0, 1, 0, 0]);
      expect(documentSelects).to.have.length(2);
      const open = instances.filter(({ el }) => el.shadowRoot!.querySelector('.detail') !== null).map((i) => i.prefix);
      expect(open).to.deep.equal(['D4', 'D7']);
      expect(instances[4]!.el.getAttribute('selected')).to.equal(instances[4]!.selects[0]);
      expect(instances[0]!.el.hasAttribute('selected')).to.equal(false);
    } finally {
      document.removeEventListener('station-select', onDocument);
    }
  });

  it('ids inside the shadow roots do not clash: each panel is labelled by its own title', async () => {
    const instances = await mountTen();
    for (const { el, prefix } of instances) el.select(`${prefix}-0001`);
    for (const { el } of instances) await el.updateComplete;
    // The ids stay inside each shadow root: the page's own ids cannot collide with them.
    expect(document.getElementById('detail-title') === null, 'no widget id in the document').to.equal(true);
    expect(document.getElementById('list-heading') === null, 'no widget id in the document').to.equal(true);
    for (const { el, prefix, lang } of instances) {
      const root = el.shadowRoot!;
      const ids = [...root.querySelectorAll('[id]')].map((n) => n.id);
      expect(new Set(ids).size, `${prefix} has unique ids`).to.equal(ids.length);
      // Every aria reference resolves to an element in the same root.
      for (const node of root.querySelectorAll('[aria-labelledby], [aria-controls], [aria-describedby]')) {
        for (const attr of ['aria-labelledby', 'aria-controls', 'aria-describedby']) {
          for (const ref of (node.getAttribute(attr) ?? '').split(/\s+/).filter(Boolean)) {
            expect(root.getElementById(ref) !== null, `${prefix} ${attr}=${ref} resolves`).to.equal(true);
          }
        }
      }
      const title = root.getElementById('detail-title')?.textContent ?? '';
      expect(title, `${prefix} (${lang}) panel title`).to.equal(`${prefix} 测试驿站 1`);
    }
  });
});
