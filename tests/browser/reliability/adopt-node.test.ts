// Issue 22 item 6: `adoptNode` into an iframe emptied the shadow root's adopted style sheets (a
// constructed sheet belongs to the document that made it); the unstyled map grew to 33,554,432 px
// and stayed unstyled after moving back.
import { expect } from '@esm-bundle/chai';
import '../../../src/index.js';
import type { StationMap } from '../../../src/station-map.js';
import { cleanup, nextEvent, stationsAround } from '../helpers.js';
import { listNames, mount, waitForAsync as waitFor } from './reliability-helpers.js';

/** What a user would see of the element's styling: its box, the map's height, the list's layout. */
function looksStyled(el: StationMap): { display: string; height: number; mapHeight: number } {
  const view = el.ownerDocument.defaultView!;
  const map = el.shadowRoot!.querySelector<HTMLElement>('.map')!;
  return { display: view.getComputedStyle(el).display, height: el.getBoundingClientRect().height, mapHeight: map.getBoundingClientRect().height };
}

describe('moving the element into an iframe and back (issue 22)', () => {
  let frame: HTMLIFrameElement | null = null;
  afterEach(() => {
    frame?.remove();
    frame = null;
    cleanup();
  });

  it('is styled in the iframe, the same height, and styled again after moving back', async () => {
    const el = mount({ basemap: 'none', lang: 'en' }, { height: 520 });
    const loaded = nextEvent(el, 'stations-load');
    el.stations = stationsAround(6);
    await loaded;
    await waitFor(() => listNames(el).length === 6, 5000, 'the list');
    const home = looksStyled(el);
    expect(home.display).to.equal('block');
    expect(home.height).to.equal(520);

    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 900px; height: 600px; border: 0';
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const host = el.parentElement!;
    doc.body.append(doc.adoptNode(el));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const away = looksStyled(el);
    expect(away.display).to.equal('block');
    expect(away.height).to.equal(520);
    expect(away.mapHeight).to.be.at.most(520);

    host.append(document.adoptNode(el));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    const back = looksStyled(el);
    expect(back).to.deep.equal(home);
    expect(listNames(el).length).to.equal(6);

    // And a second trip, now that the iframe's sheets exist.
    doc.body.append(doc.adoptNode(el));
    await new Promise((r) => setTimeout(r, 100));
    expect(looksStyled(el).height).to.equal(520);
    host.append(document.adoptNode(el));
    await new Promise((r) => setTimeout(r, 100));
    expect(looksStyled(el)).to.deep.equal(home);
  });
});
