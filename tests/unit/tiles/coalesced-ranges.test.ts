import type { RangeResponse, Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { coalescedRanges } from '../../../src/tiles/coalesced-ranges.js';

/** A source over bytes 0, 1, 2 … (mod 256) that records each request and its signal. */
function recordingSource() {
  const calls: Array<{ offset: number; length: number; signal?: AbortSignal }> = [];
  const source: Source = {
    getKey: () => 'test',
    async getBytes(offset, length, signal) {
      calls.push({ offset, length, signal });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const data = new Uint8Array(length).map((_, i) => (offset + i) % 256);
      return { data: data.buffer, etag: 'e1' };
    },
  };
  return { calls, source };
}

const bytesOf = (response: RangeResponse) => [...new Uint8Array(response.data)];

describe('coalescedRanges', () => {
  it('fetches ranges asked for in one task as few requests, each answer its own bytes', async () => {
    const { calls, source } = recordingSource();
    const joined = coalescedRanges(source);
    const [a, b, c, d] = await Promise.all([
      joined.getBytes(110, 20),
      joined.getBytes(100, 10),
      joined.getBytes(3000, 4), // within 8 KB of the others: the same request
      joined.getBytes(50_000, 3), // far: a request of its own
    ]);
    expect(calls.map(({ offset, length }) => [offset, length])).toEqual([
      [100, 2904],
      [50_000, 3],
    ]);
    expect(bytesOf(a!)).toEqual(Array.from({ length: 20 }, (_, i) => (110 + i) % 256));
    expect(bytesOf(b!)).toEqual(Array.from({ length: 10 }, (_, i) => (100 + i) % 256));
    expect(bytesOf(c!)).toEqual([3000 % 256, 3001 % 256, 3002 % 256, 3003 % 256]);
    expect(bytesOf(d!)).toEqual([50_000 % 256, 50_001 % 256, 50_002 % 256]);
    expect(a!.etag).toBe('e1');
  });

  it('asks again range by range when a joined request fails, so one bad range fails alone', async () => {
    const calls: Array<[number, number]> = [];
    const source: Source = {
      getKey: () => 'test',
      async getBytes(offset, length) {
        calls.push([offset, length]);
        if (offset <= 120 && offset + length > 120) throw new Error('HTTP 500');
        return { data: new ArrayBuffer(length) };
      },
    };
    const joined = coalescedRanges(source);
    const results = await Promise.allSettled([joined.getBytes(100, 10), joined.getBytes(120, 10), joined.getBytes(140, 10)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(calls).toEqual([[100, 50], [100, 10], [120, 10], [140, 10]]);
  });

  it('asks for the header alone, and a later task makes its own request', async () => {
    const { calls, source } = recordingSource();
    const joined = coalescedRanges(source);
    await joined.getBytes(0, 16384);
    await joined.getBytes(20_000, 10);
    await joined.getBytes(20_010, 10);
    expect(calls.map(({ offset }) => offset)).toEqual([0, 20_000, 20_010]);
  });

  it('rejects an aborted range, keeps the others, and aborts the request once all are aborted', async () => {
    const { calls, source } = recordingSource();
    const joined = coalescedRanges(source);
    const one = new AbortController();
    const two = new AbortController();
    const first = joined.getBytes(100, 10, one.signal);
    const second = joined.getBytes(120, 10, two.signal);
    const kept = joined.getBytes(140, 10);
    await new Promise((resolve) => setTimeout(resolve, 1));
    one.abort(new Error('moved'));
    two.abort();
    await expect(first).rejects.toThrow('moved');
    await expect(second).rejects.toBeDefined();
    expect(bytesOf(await kept)).toHaveLength(10);
    expect(calls[0]!.signal!.aborted).toBe(false);

    const three = new AbortController();
    const alone = joined.getBytes(9000, 10, three.signal);
    await new Promise((resolve) => setTimeout(resolve, 1));
    three.abort();
    await expect(alone).rejects.toBeDefined();
    expect(calls[1]!.signal!.aborted).toBe(true);
  });
});
