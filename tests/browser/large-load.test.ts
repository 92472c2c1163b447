import { expect } from '@esm-bundle/chai';
import '../../src/index.js';
import { cleanup, fixture, markers, nextEvent, shadow, waitFor } from './helpers.js';

/** `n` stations spread over eastern China, ids prefixed so two loads can be told apart. */
function manyStations(n: number, prefix: string): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: Array.from({ length: n }, (_, i) => ({
      type: 'Feature',
      id: `${prefix}-${i}`,
      geometry: { type: 'Point', coordinates: [105 + ((i * 7919) % 20000) / 1000, 22 + ((i * 104729) % 18000) / 1000] },
      properties: { name: `${prefix} 驿站 ${i}` },
    })),
  };
}

describe('loading a large station list in time slices', () => {
  afterEach(cleanup);

  it('shows a progress bar with a percentage while indexing, then the clusters, then the list', async () => {
    const el = await fixture('<station-map basemap="none" lang="zh-CN"></station-map>', { height: 500 });
    const seen: string[] = [];
    const loaded = nextEvent(el, 'stations-load', 60_000);
    // What each frame painted after the load shows: clusters first, the list (a scan of every
    // station and fifty rows of text) a frame later, so neither makes one long task.
    const frames: Array<[clusters: number, rows: number]> = [];
    let sampling = true;
    const sample = () => {
      frames.push([markers(el).clusters.length, shadow(el).querySelectorAll('button.item').length]);
      if (sampling) requestAnimationFrame(sample);
    };
    el.addEventListener('stations-load', () => requestAnimationFrame(sample), { once: true });
    // Enough that the load outlasts the bar's first 120 ms by far on a fast machine too: at
    // 200,000 a quiet desktop was done in ~130 ms, and the 5 ms samples below could miss the bar.
    el.stations = manyStations(600_000, 'A');
    // The element keeps answering between slices: sample the progress bar as the user would see it.
    const done = { value: false };
    void loaded.then(() => (done.value = true));
    while (!done.value) {
      const bar = shadow(el).querySelector('[role="progressbar"]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}|${bar.textContent?.replace(/\s+/g, ' ').trim()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const event = await loaded;
    await waitFor(() => shadow(el).querySelectorAll('button.item').length === 50, 8000, 'the list');
    sampling = false;
    expect(frames.some(([clusters, rows]) => clusters > 0 && rows === 0), 'a frame with clusters and no list yet').to.equal(true);
    expect(event.detail.count).to.equal(600_000);
    expect(seen.length).to.be.greaterThan(0);
    const [now, text] = seen[0]!.split('|');
    expect(text).to.equal(`正在加载 ${now}%`);
    const percents = seen.map((s) => Number(s.split('|')[0]));
    expect(percents.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= percents[i - 1]!))).to.equal(true);
    await waitFor(() => markers(el).clusters.length > 0, 8000, 'clusters');
    expect(shadow(el).querySelector('[role="progressbar"]') === null).to.equal(true);
  });

  it('a newer load replaces one still being indexed', async () => {
    const el = await fixture('<station-map basemap="none" lang="en"></station-map>', { height: 500 });
    const counts: number[] = [];
    el.addEventListener('stations-load', (e) => counts.push((e as CustomEvent<{ count: number }>).detail.count));
    el.stations = manyStations(200_000, 'OLD');
    // A frame in, the old load is still being read (200,000 stations in 8 ms slices). (Not its
    // progress bar: that shows only once a load has run 120 ms, and a warm one may be done by then.)
    await new Promise((resolve) => requestAnimationFrame(resolve));
    el.stations = manyStations(500, 'NEW');
    await waitFor(() => counts.length > 0, 20_000, 'stations-load');
    // Give the old load time to finish if it had not been stopped.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(counts).to.deep.equal([500]);
    expect(shadow(el).querySelector('[part="status"]')?.textContent?.trim()).to.equal('500 stations');
  });
});
