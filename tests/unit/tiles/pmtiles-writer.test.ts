import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PmtilesWriter, serializeDirectory } from '../../../src/tiles/pmtiles-writer.js';
import { zxyToTileId } from '../../../src/tiles/tile-math.js';
import { openArchive } from './archive-reader.js';

const info = { minZoom: 0, maxZoom: 2, bounds: [100, 20, 120, 40] as [number, number, number, number], center: [110, 30, 1] as [number, number, number] };
const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('PmtilesWriter', () => {
  it('stores identical tiles once, as runs when they follow each other, and the reader finds each', async () => {
    const writer = new PmtilesWriter({ gzip: (b) => gzipSync(b) });
    const tiles: Array<[number, number, number, string]> = [
      [0, 0, 0, 'world'],
      [1, 0, 0, 'sea'],
      [1, 0, 1, 'sea'],
      [1, 1, 1, 'land'],
      [1, 1, 0, 'sea'],
      [2, 0, 0, 'land'],
    ];
    // In tile-id order, as the writer wants them.
    tiles.sort((a, b) => zxyToTileId(a[0], a[1], a[2]) - zxyToTileId(b[0], b[1], b[2]));
    for (const [z, x, y, text] of tiles) writer.addTile(z, x, y, bytesOf(text));
    const { chunks, summary } = writer.finish(info, { name: 'test' });
    expect(summary).toMatchObject({ addressedTiles: 6, tileContents: 3, leafDirectories: 0 });
    expect(summary.tileEntries).toBeLessThan(6);
    const reader = openArchive(chunks);
    const header = await reader.getHeader();
    expect(header).toMatchObject({ numAddressedTiles: 6, numTileContents: 3, minZoom: 0, maxZoom: 2, centerZoom: 1, minLon: 100, maxLat: 40 });
    for (const [z, x, y, text] of tiles) {
      const tile = await reader.getZxy(z, x, y);
      expect(new TextDecoder().decode(tile!.data), `${z}/${x}/${y}`).toBe(text);
    }
    expect(await reader.getZxy(2, 3, 3)).toBeUndefined();
    expect(await reader.getMetadata()).toEqual({ name: 'test' });
  });

  it('refuses tiles out of order and empty tiles, and an archive without tiles', () => {
    const writer = new PmtilesWriter({ gzip: (b) => gzipSync(b) });
    expect(() => writer.finish(info, {})).toThrow();
    writer.addTile(1, 1, 0, bytesOf('a'));
    expect(() => writer.addTile(1, 0, 0, bytesOf('b'))).toThrow(RangeError);
    expect(() => writer.addTile(2, 0, 0, new Uint8Array(0))).toThrow(RangeError);
  });

  it('serializes a directory as the spec lays it out: count, id deltas, runs, lengths, offsets', () => {
    const entries = [
      { tileId: 0, offset: 0, length: 5, runLength: 1 },
      { tileId: 1, offset: 5, length: 300, runLength: 2 },
      { tileId: 5, offset: 0, length: 5, runLength: 1 },
    ];
    // 300 is the varint [0xac, 0x02]; the second offset follows the first blob (0), the third does not (0 + 1).
    expect([...serializeDirectory(entries)]).toEqual([3, 0, 1, 4, 1, 2, 1, 5, 0xac, 0x02, 5, 1, 0, 1]);
  });
});
