// Links that open one station (deep link in and out), share and copy, the printable card, and the
// cancelable `navigate` event before a hand-off to a navigation app.
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/index.js';
import type { StationMap } from '../../src/station-map.js';
import { cleanup, fixture, nextEvent, shadow, waitFor } from './helpers.js';

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
        address: '泰安市泰山区红门路 9 号',
        hours: '周一至周日 08:00-20:00',
        phone: '0538-6231234',
        services: ['water', 'toilet', 'charging', 'microwave'],
      },
    },
    { type: 'Feature', id: 'TA 8/甲', geometry: { type: 'Point', coordinates: [117.11, 36.23] }, properties: { name: '中天门驿站', type: 'mommy-room' } },
  ],
};

async function load(el: StationMap): Promise<void> {
  const loaded = nextEvent(el, 'stations-load');
  el.stations = DATA;
  await loaded;
  await el.updateComplete;
}

function detailButton(el: StationMap, selector: string): HTMLButtonElement {
  return shadow(el).querySelector<HTMLButtonElement>(`.detail .actions ${selector}`)!;
}

describe('links that open one station', () => {
  const startUrl = location.href;
  afterEach(() => {
    cleanup();
    history.replaceState(null, '', startUrl);
  });

  it('deep-link: selects #station=ID on start and on hashchange, and writes the selection back', async () => {
    const historyLength = history.length;
    history.replaceState(null, '', `${location.pathname}${location.search}#station=TA%208%2F%E7%94%B2`);
    const el = await fixture('<station-map basemap="none" lang="zh-CN" deep-link></station-map>');
    const selected = nextEvent(el, 'station-select');
    await load(el);
    expect((await selected).detail.id).to.equal('TA 8/甲');
    await waitFor(() => shadow(el).querySelector('.detail h2')?.textContent === '中天门驿站', 4000, 'the detail');

    // Out: selecting another station writes it into the URL without a history entry.
    el.select('TA-0003');
    await el.updateComplete;
    expect(location.hash).to.equal('#station=TA-0003');
    el.clearSelection();
    await el.updateComplete;
    expect(location.hash).to.equal('');
    expect(history.length).to.equal(historyLength);

    // In again: the page (or the user) changes the hash.
    const again = nextEvent(el, 'station-select');
    location.hash = '#station=TA-0003';
    expect((await again).detail.id).to.equal('TA-0003');
  });

  it('without deep-link the URL is the page’s own', async () => {
    history.replaceState(null, '', `${location.pathname}${location.search}#station=TA-0003`);
    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>');
    await load(el);
    expect(el.selected).to.equal(null);
    el.select('TA 8/甲');
    await el.updateComplete;
    expect(location.hash).to.equal('#station=TA-0003');
  });

  it('share: the Web Share API where there is one, with title, text and the station link', async () => {
    const shared: ShareData[] = [];
    const nav = navigator as Navigator & { share?: unknown };
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    Object.defineProperty(navigator, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    try {
      const el = await fixture('<station-map basemap="none" lang="zh-CN" share-url="https://union.example/map?station={id}"></station-map>');
      await load(el);
      el.select('TA 8/甲');
      await el.updateComplete;
      const button = detailButton(el, 'button.share');
      expect(button.textContent!.trim()).to.equal('分享');
      button.click();
      await waitFor(() => shared.length > 0, 3000, 'navigator.share');
      expect(shared[0]).to.deep.equal({ title: '中天门驿站', text: '中天门驿站', url: 'https://union.example/map?station=TA%208%2F%E7%94%B2' });
    } finally {
      delete (nav as { share?: unknown }).share;
      if (original) Object.defineProperty(Navigator.prototype, 'share', original);
    }
  });

  it('copy link where there is no share sheet: the clipboard, else execCommand, else the link shown to copy', async () => {
    const nav = navigator as Navigator & { share?: unknown };
    const hadShare = 'share' in navigator;
    const shareDescriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    if (hadShare) delete (Navigator.prototype as { share?: unknown }).share;
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    const exec = document.execCommand;
    try {
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void copied.push(text) } });
      const el = await fixture('<station-map basemap="none" lang="en"></station-map>');
      await load(el);
      el.select('TA-0003');
      await el.updateComplete;
      const button = detailButton(el, 'button.share');
      expect(button.textContent!.trim()).to.equal('Copy link');
      button.click();
      await waitFor(() => detailButton(el, 'button.share').textContent!.trim() === 'Link copied', 3000, 'copied');
      expect(copied).to.deep.equal([`${location.href.split('#')[0]}#station=TA-0003`]);

      // The Clipboard API refused: the old selection copy.
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => Promise.reject(new DOMException('no', 'NotAllowedError')) } });
      let execCopied = '';
      document.execCommand = ((command: string) => {
        execCopied = command === 'copy' ? (document.activeElement as HTMLTextAreaElement).value : '';
        return true;
      }) as typeof document.execCommand;
      el.select('TA 8/甲');
      await el.updateComplete;
      detailButton(el, 'button.share').click();
      await waitFor(() => execCopied !== '', 3000, 'execCommand copy');
      expect(execCopied).to.equal(`${location.href.split('#')[0]}#station=TA%208%2F%E7%94%B2`);

      // Nothing may copy: the link is shown, selectable, beside the button.
      document.execCommand = (() => false) as typeof document.execCommand;
      el.select('TA-0003');
      await el.updateComplete;
      detailButton(el, 'button.share').click();
      const input = await waitFor(() => shadow(el).querySelector<HTMLInputElement>('.share-fallback input'), 3000, 'the fallback');
      expect(input.value).to.equal(`${location.href.split('#')[0]}#station=TA-0003`);
    } finally {
      document.execCommand = exec;
      delete (nav as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
      if (shareDescriptor) Object.defineProperty(Navigator.prototype, 'share', shareDescriptor);
    }
  });

  it('print: a card with name, code, type, address, hours, services, phone and a QR code; the page prints only it', async () => {
    const prints: number[] = [];
    const print = window.print;
    window.print = () => void prints.push(1);
    const before = document.createElement('h1');
    before.className = 'fixture';
    before.textContent = 'Host page heading that must not print';
    document.body.prepend(before);
    try {
      const el = await fixture('<station-map basemap="none" lang="zh-CN" share-url="https://union.example/map?station={id}"></station-map>', {
        width: 900,
        height: 560,
      });
      await load(el);
      el.select('TA-0003');
      await el.updateComplete;
      detailButton(el, 'button.print').click();
      const card = await waitFor(() => shadow(el).querySelector<HTMLElement>('.print-card'), 4000, 'the print card');
      await waitFor(() => prints.length === 1, 2000, 'window.print()');
      const text = card.textContent!.replace(/\s+/g, ' ');
      for (const part of ['红门工会驿站', 'TA-0003', '工会驿站', '泰安市泰山区红门路 9 号', '周一至周日 08:00-20:00', '0538-6231234', '饮水', 'https://union.example/map?station=TA-0003']) {
        expect(text, part).to.include(part);
      }
      expect(card.querySelector('.card-qr svg path')!.getAttribute('d')!.length).to.be.greaterThan(100);

      // As printed: the element's card alone, the map and the host page's heading hidden.
      await executeServerCommand('cdp', { method: 'Emulation.setEmulatedMedia', params: { media: 'print' } });
      try {
        expect(getComputedStyle(shadow(el).querySelector('.layout')!).display).to.equal('none');
        expect(getComputedStyle(card.querySelector('.card')!).visibility).to.equal('visible');
        expect(getComputedStyle(card.querySelector('.print-tools')!).display).to.equal('none');
        expect(getComputedStyle(before).display).to.equal('none');
      } finally {
        await executeServerCommand('cdp', { method: 'Emulation.setEmulatedMedia', params: { media: '' } });
      }
      const path = await executeServerCommand('cdp-screenshot', { path: 'station-map-print.png', media: 'print' });
      expect(path).to.be.a('string');

      // Closed: the page prints as it is again.
      [...card.querySelectorAll<HTMLButtonElement>('.print-tools button')][1]!.click();
      await el.updateComplete;
      expect(shadow(el).querySelector('.print-card')).to.equal(null);
      await executeServerCommand('cdp', { method: 'Emulation.setEmulatedMedia', params: { media: 'print' } });
      try {
        expect(getComputedStyle(shadow(el).querySelector('.layout')!).display).to.not.equal('none');
        expect(getComputedStyle(before).display).to.not.equal('none');
      } finally {
        await executeServerCommand('cdp', { method: 'Emulation.setEmulatedMedia', params: { media: '' } });
      }
    } finally {
      window.print = print;
    }
  });

  it('navigate: cancelable before the hand-off, with both datums, following travel-mode', async () => {
    const el = await fixture('<station-map basemap="none" lang="zh-CN" travel-mode="cycling"></station-map>');
    await load(el);
    el.select('TA-0003');
    await el.updateComplete;
    const amap = shadow(el).querySelector<HTMLAnchorElement>('.nav-links a[data-app="amap"]')!;
    const seen: Array<{ detail: unknown; followed: boolean }> = [];
    const handler = (event: Event) => {
      const e = event as CustomEvent;
      e.preventDefault();
      seen.push({ detail: e.detail, followed: false });
    };
    el.addEventListener('navigate', handler);
    // A click the page cancels never opens the link.
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    amap.dispatchEvent(click);
    el.removeEventListener('navigate', handler);
    expect(click.defaultPrevented).to.equal(true);
    expect(seen).to.have.length(1);
    const detail = seen[0]!.detail as { app: string; url: string; station: { id: string }; wgs84: { lng: number; lat: number }; gcj02: { lng: number; lat: number } };
    expect(detail.app).to.equal('amap');
    expect(detail.url).to.equal(amap.href);
    expect(detail.url).to.include('mode=ride');
    expect(detail.station.id).to.equal('TA-0003');
    expect(detail.wgs84).to.deep.equal({ lng: 117.13, lat: 36.21 });
    // GCJ-02 is a few hundred metres off WGS-84 in China.
    expect(detail.gcj02.lng - 117.13).to.be.within(0.003, 0.008);
    expect(Math.abs(detail.gcj02.lat - 36.21)).to.be.below(0.003);

    // Not cancelled: the link goes on (its default action is left alone).
    let fired = 0;
    el.addEventListener('navigate', () => fired++);
    const google = shadow(el).querySelector<HTMLAnchorElement>('.nav-links a[data-app="google"]')!;
    const open = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    // Runs after the element's own listener (added first): records whether it stopped the link,
    // then stops it itself so the test page stays.
    let preventedByElement: boolean | null = null;
    google.addEventListener(
      'click',
      (e) => {
        preventedByElement = e.defaultPrevented;
        e.preventDefault();
      },
      { once: true },
    );
    google.dispatchEvent(open);
    expect(fired).to.equal(1);
    expect(preventedByElement).to.equal(false);
  });
});
