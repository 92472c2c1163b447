// Every way the station host can fail (tests/browser/server/fault-routes.mjs plays them): the
// element shows a clear message inside itself, fires one station-map-error, and the page goes on.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMapErrorDetail } from '../../../src/events.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, nextEvent } from '../helpers.js';
import {
  alertText,
  listNames,
  mount,
  serverState,
  statusText,
  uniqueKey,
  waitForAsync as waitFor,
  withShortTimeouts,
} from './reliability-helpers.js';

/** Mounts the element on `src` and resolves with its first error (rejects if it loads instead). */
async function failingLoad(src: string): Promise<{ el: StationMap; error: StationMapErrorDetail; loads: () => number }> {
  let loads = 0;
  const errors: StationMapErrorDetail[] = [];
  const el = mount({ basemap: 'none', lang: 'en' });
  el.addEventListener('stations-load', () => loads++);
  el.addEventListener('station-map-error', (e) => errors.push(e.detail));
  el.src = src;
  await waitFor(() => errors.length > 0, 10000, `an error from ${src}`);
  await el.updateComplete;
  // One failure, one event: nothing retries in a loop behind the page's back.
  await new Promise((r) => setTimeout(r, 200));
  expect(errors.length, 'station-map-error events').to.equal(1);
  return { el, error: errors[0]!, loads: () => loads };
}

/** The retry button inside the element's message, if shown. */
function retryButton(el: StationMap): HTMLButtonElement | null {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button');
}

describe('src faults', () => {
  afterEach(cleanup);

  it('404: names the status and the URL, offers retry, shows no stations', async () => {
    const { el, error, loads } = await failingLoad('/test-api/fault/status?code=404');
    expect(error.code).to.equal('fetch-failed');
    expect(error.message).to.contain('/test-api/fault/status?code=404');
    expect(alertText(el)).to.contain('404');
    expect(retryButton(el)?.textContent ?? '').to.match(/retry/i);
    expect(listNames(el)).to.deep.equal([]);
    expect(loads()).to.equal(0);
  });

  it('500: the same clear message with the status', async () => {
    const { el, error } = await failingLoad('/test-api/fault/status?code=500');
    expect(error.code).to.equal('fetch-failed');
    expect(error.message).to.match(/HTTP 500/);
    expect(alertText(el)).to.contain('500');
    expect(retryButton(el) !== null, 'retry button').to.equal(true);
  });

  it('a slow host: "Loading…" while it waits, then the stations', async () => {
    const el = mount({ basemap: 'none', lang: 'en' });
    const loaded = nextEvent(el, 'stations-load');
    el.src = '/test-api/fault/slow?ms=800&tag=slow';
    await waitFor(() => /Loading/.test(statusText(el)), 3000, 'loading status');
    expect(alertText(el)).to.equal('');
    expect((await loaded).detail.count).to.equal(3);
    await el.updateComplete;
    expect(statusText(el)).to.match(/3 stations/);
    expect(listNames(el).some((n) => n.includes('slow station 0'))).to.equal(true);
  });

  it('a host slower than the 15 s load timeout: loading, then a timeout message, and the request is cancelled', async () => {
    const key = uniqueKey('timeout');
    // The element's timeout is 15 s; timers that long are shortened to 600 ms for this test.
    await withShortTimeouts(15000, 600, async () => {
      const el = mount({ basemap: 'none', lang: 'en' });
      const failed = nextEvent(el, 'station-map-error');
      el.src = `/test-api/fault/slow?ms=8000&key=${key}`;
      await waitFor(() => /Loading/.test(statusText(el)), 3000, 'loading status');
      const error = (await failed).detail;
      expect(error.code).to.equal('fetch-failed');
      expect(error.message).to.match(/timed out/);
      await el.updateComplete;
      expect(statusText(el)).to.not.match(/Loading/);
      expect(alertText(el)).to.match(/Could not load the stations/);
      expect(retryButton(el) !== null, 'retry button').to.equal(true);
    });
    await waitFor(async () => (await serverState(key)) === 'aborted', 3000, 'server sees the cancelled request');
  });

  it('connection reset in the middle of the body: fetch-failed, not a half-parsed list', async () => {
    const { el, error, loads } = await failingLoad('/test-api/fault/reset?tag=reset');
    expect(error.code).to.equal('fetch-failed');
    expect(error.message).to.match(/network error/);
    expect(alertText(el)).to.match(/Could not load the stations/);
    expect(listNames(el)).to.deep.equal([]);
    expect(loads()).to.equal(0);
  });

  it('an HTML page (login portal) instead of data: invalid-geojson, and its script never runs', async () => {
    const { el, error } = await failingLoad('/test-api/fault/html');
    expect(error.code).to.equal('invalid-geojson');
    expect(error.message).to.contain('/test-api/fault/html');
    expect(alertText(el)).to.match(/not valid GeoJSON/);
    expect((window as unknown as { __fromPortal?: number }).__fromPortal).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('form, input[name="user"]') === null, 'no portal markup').to.equal(true);
  });

  it('truncated JSON: invalid-geojson with the reason', async () => {
    const { el, error } = await failingLoad('/test-api/fault/truncated');
    expect(error.code).to.equal('invalid-geojson');
    expect(error.message).to.match(/JSON/i);
    expect(alertText(el)).to.match(/not valid GeoJSON/);
    expect(listNames(el)).to.deep.equal([]);
  });

  it('a 302 redirect to valid data loads it', async () => {
    const el = mount({ basemap: 'none', lang: 'en' });
    const loaded = nextEvent(el, 'stations-load');
    el.src = '/test-api/fault/redirect?tag=moved';
    expect((await loaded).detail.count).to.equal(3);
    await el.updateComplete;
    expect(listNames(el).some((n) => n.includes('moved station 0'))).to.equal(true);
    expect(alertText(el)).to.equal('');
  });

  it('a redirect loop ends in a clear error, not a hang', async () => {
    const { el, error, loads } = await failingLoad('/test-api/fault/loop');
    expect(error.code).to.equal('fetch-failed');
    expect(error.message).to.contain('/test-api/fault/loop');
    expect(alertText(el)).to.match(/Could not load the stations/);
    expect(retryButton(el) !== null, 'retry button').to.equal(true);
    expect(loads()).to.equal(0);
  });

  it('rapid src changes: the last wins, the earlier requests are aborted, no error shows', async () => {
    const [a, b] = [uniqueKey('rapid-a'), uniqueKey('rapid-b')];
    const el = mount({ basemap: 'none', lang: 'en' });
    const errors: string[] = [];
    const loads: number[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(e.detail.code));
    el.addEventListener('stations-load', (e) => loads.push(e.detail.count));
    el.src = `/test-api/fault/slow?ms=3000&tag=first&key=${a}`;
    await waitFor(async () => (await serverState(a)) === 'open', 3000, 'first request at the server');
    el.src = `/test-api/fault/slow?ms=3000&tag=second&key=${b}`;
    await waitFor(async () => (await serverState(b)) === 'open', 3000, 'second request at the server');
    el.src = '/test-api/fault/ok?tag=last';
    await waitFor(() => loads.length > 0, 5000, 'the last src loaded');
    await waitFor(async () => (await serverState(a)) === 'aborted' && (await serverState(b)) === 'aborted', 3000, 'earlier requests aborted');
    await el.updateComplete;
    const names = listNames(el);
    expect(names.some((n) => n.includes('last station'))).to.equal(true);
    expect(names.some((n) => /first|second/.test(n))).to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(loads).to.deep.equal([3]);
    expect(alertText(el)).to.equal('');
  });

  it('retry in the message loads the data once the host is back', async () => {
    const key = uniqueKey('flaky');
    const { el, error } = await failingLoad(`/test-api/fault/flaky?key=${key}&tag=back`);
    expect(error.code).to.equal('fetch-failed');
    expect(alertText(el)).to.contain('503');
    const loaded = nextEvent(el, 'stations-load');
    retryButton(el)!.click();
    expect((await loaded).detail.count).to.equal(3);
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(listNames(el).some((n) => n.includes('back station 0'))).to.equal(true);
  });

  it('after a failure, a good src recovers the element', async () => {
    const { el } = await failingLoad('/test-api/fault/status?code=500');
    const loaded = nextEvent(el, 'stations-load');
    el.src = '/test-api/fault/ok?tag=recovered';
    expect((await loaded).detail.count).to.equal(3);
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
    expect(statusText(el)).to.match(/3 stations/);
  });

  // loadStations refuses a body over maxBytes (100 MiB by default) while it streams in.
  it('a 200 MB response: too-large message, the download stops, the page stays responsive', async () => {
    const key = uniqueKey('huge');
    let frames = 0;
    let counting = true;
    const countFrames = () => {
      frames++;
      if (counting) requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const { el, error } = await failingLoad(`/test-api/fault/huge?mb=200&key=${key}`);
    counting = false;
    expect(error.code).to.equal('too-large');
    expect(alertText(el)).to.match(/too large|larger than/i);
    // The page kept painting while megabytes streamed in: its main thread was never frozen.
    expect(frames).to.be.greaterThan(5);
    // The element stopped reading instead of downloading all 200 MB.
    await waitFor(async () => (await serverState(key)) === 'aborted', 5000, 'download cancelled');
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    expect(document.activeElement === input, 'page still takes focus').to.equal(true);
    input.remove();
  });
});
