/**
 * A page with a strict Content-Security-Policy (no inline script or style, no eval, same-origin
 * scripts and data): the script-tag bundle must load, show, select, route and report a failed
 * locate without a single violation, seen in the page and at the server's report-uri.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import { cleanup, waitFor } from '../helpers.js';
import { frameMap, openFrame, realClick, settledItems, useWideViewport } from './frame.js';

type FrameWindow = Window & { cspViolations?: string[] };

async function serverReports(method: 'GET' | 'DELETE' = 'GET'): Promise<unknown[]> {
  const response = await fetch('/test-api/csp-reports', { method });
  return (await response.json()) as unknown[];
}

describe('hosts: a page with a strict Content-Security-Policy', () => {
  before(useWideViewport);
  afterEach(cleanup);

  it('loads, selects, routes and fails to locate without any CSP violation', async () => {
    await serverReports('DELETE');
    await executeServerCommand('set-geolocation', { permission: 'denied' });
    const frame = await openFrame('/test-api/csp/page.html?lang=en');
    const win = frame.contentWindow as FrameWindow;
    expect(Array.isArray(win.cspViolations)).to.equal(true);
    const el = await frameMap(frame);
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelectorAll('.sm-pin, .sm-cluster').length > 0, 8000, 'markers');

    // Select with a real click: the detail panel (links, QR code, open badge) renders.
    await realClick(frame, (await settledItems(el))[0]!);
    await waitFor(() => root.querySelector('.detail h2'), 8000, 'the detail panel');
    // The QR encoder is a side file beside the script, loaded now: same origin, so the policy allows it.
    await waitFor(() => root.querySelector('.qr svg path'), 8000, 'the rating QR code');

    // Route on the bundled path network, drawn as an SVG path.
    const route = await el.routeTo('TA-0003', [117.1268, 36.1937]);
    expect(route.distanceMeters).to.be.greaterThan(0);
    await waitFor(() => root.querySelector('path.sm-route'), 8000, 'the drawn route');

    // The service circle's drawing code is another side file.
    el.setAttribute('coverage', '15');
    await waitFor(() => root.querySelector('img.sm-coverage-image'), 8000, 'the coverage image');
    el.removeAttribute('coverage');

    // Locating fails (permission denied): a message, no violation.
    let code = '';
    await el.locate().catch((error: { code?: string }) => (code = error.code ?? 'unknown'));
    expect(code).to.equal('geolocation-denied');
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')?.textContent ?? '').to.not.equal('');

    // A marker click (Leaflet's own handlers) and a zoom (tiles, clusters) under the policy.
    el.clearSelection();
    await el.updateComplete;
    const pin = await waitFor(() => root.querySelector<HTMLElement>('.leaflet-marker-icon.sm-pin'), 8000, 'a pin');
    pin.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await waitFor(() => root.querySelector('.detail h2'), 8000, 'the detail panel after a marker click');

    // Canary: one deliberate violation (an inline style attribute) proves both channels report,
    // and arrives after anything the widget could have caused.
    frame.contentDocument!.body.setAttribute('style', 'outline: 1px solid red');
    await waitFor(() => (win.cspViolations ?? []).length > 0, 8000, 'the canary violation in the page');
    let received = await serverReports();
    for (let tries = 0; received.length === 0 && tries < 80; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      received = await serverReports();
    }

    expect(win.cspViolations).to.have.length(1, `violations in the page: ${win.cspViolations!.join(' | ')}`);
    expect(win.cspViolations![0]).to.match(/^style-src/);
    const serverSide = received.map((r) => JSON.stringify(r));
    expect(serverSide).to.have.length(1, `reports at the server: ${serverSide.join(' | ')}`);
    expect(serverSide[0]).to.contain('style-src');
  });
});
