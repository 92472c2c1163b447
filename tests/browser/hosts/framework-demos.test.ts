/**
 * The three demo pages, as built by `npm run build`: plain HTML with the script tag and inline
 * data, a React 19 app through `station-map/react`, and a Vue 3 app binding the element directly.
 * Picking a station in the widget must reach the host's own state, shown on its page.
 */
import { expect } from '@esm-bundle/chai';
import { cleanup, waitFor } from '../helpers.js';
import { frameMap, frameText, openFrame, realClick, settledItems, useWideViewport } from './frame.js';

const demos = [
  { name: 'plain HTML (script tag, inline data)', url: '/demo/plain/index.html', count: null },
  { name: 'React 19 (station-map/react)', url: '/demo/react/index.html', count: '400' },
  { name: 'Vue 3 (isCustomElement, .prop, @station-select)', url: '/demo/vue/index.html', count: '400' },
];

describe('hosts: the demo pages', () => {
  before(useWideViewport);
  afterEach(cleanup);

  for (const demo of demos) {
    it(`${demo.name}: a list click, a real mouse click and select() reach the page's state`, async () => {
      const frame = await openFrame(demo.url);
      const el = await frameMap(frame);
      if (demo.count) await waitFor(() => frameText(frame, '#count') === demo.count, 8000, 'the host shows the count');
      expect(frameText(frame, '#picked')).to.equal('none');

      // A click on the first list item (a DOM click inside the shadow root).
      const first = el.shadowRoot!.querySelector<HTMLButtonElement>('button.item')!;
      const firstName = first.querySelector('.name')?.textContent?.trim() ?? '';
      expect(firstName).to.not.equal('');
      first.click();
      await waitFor(() => frameText(frame, '#picked') === firstName, 8000, `the host shows ${firstName}`);
      if (demo.count) expect(frameText(frame, '#picked-meta')).to.contain('list');

      // The page API: select() is reported to the host too, with the station's real name.
      el.select('TA-0003');
      await waitFor(() => frameText(frame, '#picked') === '红门工会驿站', 8000, 'the host shows 红门工会驿站');
      if (demo.count) expect(frameText(frame, '#picked-meta')).to.contain('TA-0003');

      // A trusted mouse click on a list item, as a worker's finger would do it.
      el.clearSelection();
      await el.updateComplete;
      const items = await settledItems(el);
      const target = items.find((item) => !item.textContent?.includes('红门工会驿站'))!;
      const targetName = target.querySelector('.name')?.textContent?.trim() ?? '';
      await realClick(frame, target);
      await waitFor(() => frameText(frame, '#picked') === targetName, 8000, `the host shows ${targetName} after a real click`);
      expect(el.selected).to.be.a('string');
      expect(frame.contentDocument!.querySelector('#errors')?.textContent ?? '').to.not.contain('invalid');
    });
  }
});
