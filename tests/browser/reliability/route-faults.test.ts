// The OSRM-compatible route service (`router-url`) failing in every way it can: the worker always
// gets a route drawn (a straight line, clearly labelled as such), a message saying why, and the
// page one `route-failed` error. tests/browser/location.test.ts covers an unreachable service.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { Route } from '../../../src/types.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, nextEvent, stationsAround } from '../helpers.js';
import { mount, waitForAsync as waitFor, withShortTimeouts } from './reliability-helpers.js';

/** An element with five stations, the user at TA-0000 and the route service `kind`. */
async function withRouter(kind: string): Promise<StationMap> {
  const el = mount({
    basemap: 'none',
    lang: 'en',
    origin: '117.0,36.15',
    'router-url': `${location.origin}/test-api/fault/osrm-${kind}`,
  });
  const loaded = nextEvent(el, 'stations-load');
  el.stations = stationsAround(5);
  await loaded;
  return el;
}

interface Outcome {
  route: Route;
  errors: Array<{ code: string; message: string }>;
  changes: Array<Route | null>;
  summary: string;
}

/** Selects TA-0004, routes to it and gathers what the page and the user see. */
async function routeToLast(el: StationMap): Promise<Outcome> {
  const errors: Outcome['errors'] = [];
  const changes: Outcome['changes'] = [];
  el.addEventListener('station-map-error', (e) => errors.push({ code: e.detail.code, message: e.detail.message }));
  el.addEventListener('route-change', (e) => changes.push(e.detail.route));
  el.select('TA-0004');
  const route = await el.routeTo('TA-0004');
  await el.updateComplete;
  await waitFor(() => el.shadowRoot!.querySelector('path.sm-route'), 3000, 'route line on the map');
  const summary = el.shadowRoot!.querySelector('.route-summary')?.textContent?.replace(/\s+/g, ' ') ?? '';
  return { route, errors, changes, summary };
}

/** What every failure must look like to the user and the page. */
function expectFallback(outcome: Outcome, reason: RegExp): void {
  expect(outcome.route.kind).to.equal('straight');
  expect(outcome.route.distanceMeters).to.be.greaterThan(3000);
  expect(outcome.route.fallbackReason ?? '').to.match(reason);
  expect(outcome.changes.map((r) => r?.kind ?? null)).to.deep.equal(['straight']);
  expect(outcome.errors.map((e) => e.code)).to.deep.equal(['route-failed']);
  expect(outcome.errors[0]!.message).to.match(reason);
  // The user reads that this is a straight line, and why.
  expect(outcome.summary).to.match(/straight-line/i);
  expect(outcome.summary).to.match(reason);
}

describe('route service faults', () => {
  afterEach(cleanup);

  it('a working service draws its route (the baseline the faults fall back from)', async () => {
    const outcome = await routeToLast(await withRouter('ok'));
    expect(outcome.route.kind).to.equal('service');
    expect(outcome.route.distanceMeters).to.equal(1234);
    expect(outcome.errors).to.deep.equal([]);
    expect(outcome.summary).to.not.match(/straight-line/i);
  });

  it('HTTP 500: straight-line fallback, a message and one route-failed', async () => {
    expectFallback(await routeToLast(await withRouter('error')), /HTTP 500/);
  });

  it('no answer within the 10 s route timeout: fallback, message, route-failed', async () => {
    // The service's timeout is 10 s; timers that long are shortened to 400 ms for this test.
    const outcome = await withShortTimeouts(10000, 400, async () => routeToLast(await withRouter('slow')));
    expectFallback(outcome, /did not answer within/);
  });

  it('a body cut off in the middle (not JSON): fallback, message, route-failed', async () => {
    expectFallback(await routeToLast(await withRouter('malformed')), /not JSON/);
  });

  it('JSON of the wrong shape: fallback, message, route-failed', async () => {
    expectFallback(await routeToLast(await withRouter('wrong-shape')), /no usable route/);
  });

  it('{ code: "NoRoute" }: fallback, message, route-failed', async () => {
    expectFallback(await routeToLast(await withRouter('noroute')), /NoRoute/);
  });

  it('after a failure the next route request is tried again, and the station list still works', async () => {
    const el = await withRouter('error');
    const first = await routeToLast(el);
    expect(first.route.kind).to.equal('straight');
    const errors: string[] = [];
    el.addEventListener('station-map-error', (e) => errors.push(e.detail.code));
    // Another station: the service is asked again (no give-up state), and fails again.
    const again = await el.routeTo('TA-0003');
    expect(again.kind).to.equal('straight');
    expect(errors).to.deep.equal(['route-failed']);
    const picked = nextEvent(el, 'station-select');
    el.shadowRoot!.querySelector<HTMLElement>('.detail .close')!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLElement>('[part="list-item"]')!.click();
    expect((await picked).detail.source).to.equal('nearest');
  });
});
