import { describe, expect, it, vi } from 'vitest';
import { StationPreview } from '../../../src/data/station-preview.js';

const feature = (i: number) => ({ type: 'Feature', properties: { id: `S${i}` }, geometry: { type: 'Point', coordinates: [117, 36] } });
/** The text of a FeatureCollection of `n` features, cut into `parts` pieces. */
function pieces(n: number, parts: number): string[] {
  const text = JSON.stringify({ type: 'FeatureCollection', features: Array.from({ length: n }, (_, i) => feature(i)) });
  const size = Math.ceil(text.length / parts);
  return Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size));
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A preview whose "store" is the ids it was built from, and what it showed. */
function recorder(everyMs: number) {
  const shown: string[][] = [];
  const preview = new StationPreview<string[]>({
    everyMs,
    build: async (collection) => (collection.features as ReturnType<typeof feature>[]).map((f) => f.properties.id),
    show: (ids) => shown.push(ids),
  });
  return { preview, shown };
}

describe('StationPreview (stations of a download shown while it arrives)', () => {
  it('shows the features so far at once, then at most once per interval, each preview holding all that came before it', async () => {
    const { preview, shown } = recorder(200);
    const [a, b, c, d] = pieces(100, 4);
    preview.push(a!);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    const first = shown[0]!;
    expect(first.length).toBeGreaterThan(10);
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => `S${i}`));
    preview.push(b!);
    preview.push(c!);
    await wait(50);
    expect(shown).toHaveLength(1); // within the interval
    await vi.waitFor(() => expect(shown).toHaveLength(2), { timeout: 2000 });
    expect(shown[1]!.length).toBeGreaterThan(first.length);
    preview.push(d!);
    preview.stop();
    await wait(300);
    expect(shown).toHaveLength(2); // none after stop
  });

  it('reads many pieces given at once in order, in slices', async () => {
    const { preview, shown } = recorder(0);
    for (const piece of pieces(3000, 300)) preview.push(piece);
    await vi.waitFor(() => expect(shown.at(-1)).toHaveLength(3000), { timeout: 3000 });
    const last = shown.at(-1)!;
    expect(last).toEqual(Array.from({ length: 3000 }, (_, i) => `S${i}`));
    preview.stop();
  });

  it('shows at most maxStations, the first ones, yet reads on: finishing gives all of them', async () => {
    const shown: string[][] = [];
    const preview = new StationPreview<string[]>({
      everyMs: 0,
      maxStations: 50,
      build: async (collection) => (collection.features as ReturnType<typeof feature>[]).map((f) => f.properties.id),
      show: (ids) => shown.push(ids),
    });
    const [a, b, c] = pieces(300, 3);
    preview.push(a!);
    await vi.waitFor(() => expect(shown.at(-1)).toHaveLength(50));
    preview.push(b!);
    preview.push(c!);
    await wait(50);
    expect(shown.at(-1)).toEqual(Array.from({ length: 50 }, (_, i) => `S${i}`));
    expect(shown.every((ids) => ids.length <= 50)).toBe(true);
    const doc = (await preview.finish(`${a}${b}${c}`)) as { features: ReturnType<typeof feature>[] };
    expect(doc.features.map((f) => f.properties.id)).toEqual(Array.from({ length: 300 }, (_, i) => `S${i}`));
  });

  it('shows nothing when the builder refuses the features, and goes on with the next pieces', async () => {
    let calls = 0;
    const shown: number[] = [];
    const preview = new StationPreview<number>({
      everyMs: 0,
      build: async (collection) => {
        calls++;
        if (calls === 1) throw new Error('refused');
        return collection.features.length;
      },
      show: (count) => shown.push(count),
    });
    const [a, b] = pieces(20, 2);
    preview.push(a!);
    await wait(20);
    expect(shown).toEqual([]);
    preview.push(b!);
    await vi.waitFor(() => expect(shown).toEqual([20]));
    preview.stop();
  });

  it('finishes with the whole document, holding the features it read, and shows no more previews', async () => {
    const { preview, shown } = recorder(10_000);
    const parts = pieces(200, 7);
    preview.push(parts[0]!);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    // The last pieces are still queued when the body completes: finishing reads them first.
    for (const part of parts.slice(1)) preview.push(part);
    const text = parts.join('');
    const doc = await preview.finish(text);
    expect(doc).toEqual(JSON.parse(text));
    await wait(30);
    expect(shown).toHaveLength(1);
  });

  it('finishes with nothing when it was stopped, or did not take all of the text: the load parses the text', async () => {
    const parts = pieces(300, 3);
    const missing = new StationPreview<number>({ everyMs: 0, build: async (c) => c.features.length, show: () => undefined });
    for (const part of parts.slice(0, 2)) missing.push(part);
    expect(await missing.finish(parts.join(''))).toBeNull();
    const stopped = new StationPreview<number>({ everyMs: 0, build: async (c) => c.features.length, show: () => undefined });
    for (const part of parts) stopped.push(part);
    stopped.stop();
    expect(await stopped.finish(parts.join(''))).toBeNull();
  });
});
