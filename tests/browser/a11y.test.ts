import { expect } from '@esm-bundle/chai';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, has, markers, nextEvent, shadow, waitFor } from './helpers.js';

declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> };
  }
}

// axe-core ships as a classic script; loading it by tag keeps it out of the module graph.
async function loadAxe(): Promise<void> {
  if (window.axe) return;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

/** axe's WCAG 2.2 AA violations inside the element, as readable strings. */
async function violations(el: StationMap): Promise<string[]> {
  await loadAxe();
  const result = await window.axe!.run(el, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    // The page owns its headings and landmarks; the widget is one region inside it.
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
  });
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const DATA: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'TA-0003',
      geometry: { type: 'Point', coordinates: [117.13, 36.21] },
      properties: {
        name: '红门工会驿站',
        type: 'union-station',
        hours: '08:00-20:00',
        address: '泰山区红门路',
        phone: '0538-0000000',
        services: ['water', 'toilet', 'charging'],
        honors: ['最美工会户外劳动者服务站'],
        rating_url: 'https://example.org/rate/TA-0003',
        manager: '李军',
      },
    },
    { type: 'Feature', id: 'TA-0008', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '中天门驿站', type: 'outdoor-worker-station', hours: 'off' } },
    { type: 'Feature', id: 'TA-0001', geometry: { type: 'Point', coordinates: [117.12, 36.19] }, properties: { name: '岱庙爱心妈咪小屋', type: 'mommy-room' } },
  ],
};

async function loaded(options: { width?: number; height?: number } = {}): Promise<StationMap> {
  const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>', options);
  const done = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await done;
  await waitFor(() => markers(el).pins.length === 3, 6000, 'pins');
  // The list and its filter bar come a frame after the pins.
  await el.updateComplete;
  return el;
}

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  afterEach(async () => {
    cleanup();
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  it('prefers-reduced-motion turns off animated zoom and pan', async () => {
    const animated = await loaded();
    expect(has(shadow(animated), '.leaflet-proxy')).to.equal(true);
    cleanup();
    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await loaded();
    expect(has(shadow(still), '.leaflet-map-pane')).to.equal(true);
    expect(has(shadow(still), '.leaflet-proxy')).to.equal(false);
  });

  it('the bottom sheet opens when dragged up and closes when dragged down', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await loaded({ width: 360, height: 740 });
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.sheet-toggle')!;
    const drag = (from: number, to: number) => {
      const at = (type: string, y: number) => toggle.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientY: y, pointerId: 1 }));
      at('pointerdown', from);
      at('pointermove', (from + to) / 2);
      at('pointermove', to);
      at('pointerup', to);
      toggle.click();
    };
    drag(700, 450);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await new Promise((r) => setTimeout(r, 10));
    drag(300, 650);
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('the check itself catches a nameless button', async () => {
    const el = await loaded();
    const bad = document.createElement('button');
    shadow(el).querySelector('.map-tools')!.append(bad);
    expect((await violations(el)).some((v) => v.startsWith('button-name'))).to.equal(true);
    bad.remove();
  });

  it('loaded, with the list', async () => {
    const el = await loaded();
    expect(shadow(el).querySelectorAll('button.item').length).to.equal(3);
    expect(await violations(el)).to.deep.equal([]);
  });

  it('filtered, with chips pressed', async () => {
    const el = await loaded();
    el.filter = { types: ['union-station'], services: ['water'], openNow: true, text: '红门' };
    await el.updateComplete;
    expect(await violations(el)).to.deep.equal([]);
  });

  it('detail open with QR code and route', async () => {
    const el = await loaded();
    el.select('TA-0003');
    await el.updateComplete;
    await el.routeTo('TA-0003', [117.12, 36.2]);
    await el.updateComplete;
    // The QR encoder loads on the first code shown.
    await waitFor(() => shadow(el).querySelector('figure.qr'), 8000, 'the QR code');
    expect(await violations(el)).to.deep.equal([]);
  });

  it('dark colour scheme, detail open', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await loaded();
    expect(getComputedStyle(shadow(el).querySelector('.panel')!).backgroundColor).to.equal('rgb(13, 17, 23)');
    el.select('TA-0003');
    await el.updateComplete;
    expect(await violations(el)).to.deep.equal([]);
  });

  it('error shown', async () => {
    const el = await fixture('<station-map basemap="none" lang="zh-CN" src="/test-api/not-found.geojson"></station-map>');
    await nextEvent(el, 'station-map-error');
    await el.updateComplete;
    expect(shadow(el).querySelector('[role="alert"]') !== null).to.equal(true);
    expect(await violations(el)).to.deep.equal([]);
  });

  it('phone width (360 × 740): bottom sheet open, no overflow, 44 px targets', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await loaded({ width: 360, height: 740 });
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.sheet-toggle')!;
    expect(getComputedStyle(toggle).display).not.to.equal('none');
    toggle.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 300));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const layout = shadow(el).querySelector<HTMLElement>('.layout')!;
    expect(layout.scrollWidth).to.be.at.most(360);
    const panel = shadow(el).querySelector<HTMLElement>('.panel')!.getBoundingClientRect();
    expect(panel.width).to.be.at.most(360);
    expect(panel.height).to.be.above(300);
    const small = [...shadow(el).querySelectorAll<HTMLElement>('button, input, .nav-links a')]
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ b, r: b.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 44 || r.width < 44))
      .map(({ b, r }) => `${b.className}:${(b.textContent ?? '').trim()} ${Math.round(r.width)}×${Math.round(r.height)}`);
    expect(small).to.deep.equal([]);
    expect(await violations(el)).to.deep.equal([]);
    el.select('TA-0003');
    await el.updateComplete;
    expect(await violations(el)).to.deep.equal([]);
  });
});
