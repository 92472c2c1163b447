/**
 * Reads archives the way a page will: through the official `pmtiles` reader (over an in-memory
 * `Source`) and `@mapbox/vector-tile`, so the tests check the writer against someone else's code.
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { Compression, PMTiles, type Source } from 'pmtiles';
import { gunzipSync } from 'node:zlib';

/** A Source over bytes in memory, as the reader's FileSource is over a File. */
class BytesSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly requests?: Array<[offset: number, length: number]>,
  ) {}
  getKey(): string {
    return 'memory';
  }
  async getBytes(offset: number, length: number) {
    this.requests?.push([offset, length]);
    const data = this.bytes.slice(offset, offset + length);
    return { data: data.buffer };
  }
}

/**
 * The archive made of `chunks`, opened with the official reader (gzip undone by Node's zlib);
 * `requests`, when given, collects every byte range the reader asks for.
 */
export function openArchive(chunks: readonly Uint8Array[], requests?: Array<[offset: number, length: number]>): PMTiles {
  const bytes = new Uint8Array(Buffer.concat(chunks));
  return new PMTiles(new BytesSource(bytes, requests), undefined, async (data, compression) => {
    if (compression === Compression.None) return data;
    if (compression !== Compression.Gzip) throw new Error(`unexpected compression ${compression}`);
    const out = gunzipSync(new Uint8Array(data));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength);
  });
}

/** A decoded point feature of the `stations` layer. */
export interface DecodedPoint {
  /** Position in tile units. */
  x: number;
  y: number;
  lng: number;
  lat: number;
  id: number | undefined;
  extent: number;
  properties: Record<string, string | number | boolean>;
}

/** The `stations` layer of an (uncompressed) tile, decoded. */
export function decodeStations(data: ArrayBuffer | Uint8Array, z: number, x: number, y: number): DecodedPoint[] {
  const tile = new VectorTile(new PbfReader(data instanceof Uint8Array ? data : new Uint8Array(data)));
  const layer = tile.layers.stations;
  if (!layer) return [];
  const out: DecodedPoint[] = [];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const point = feature.loadGeometry()[0]![0]!;
    const [lng, lat] = (feature.toGeoJSON(x, y, z).geometry as unknown as { coordinates: [number, number] }).coordinates;
    out.push({ x: point.x, y: point.y, lng, lat, id: feature.id, extent: feature.extent, properties: feature.properties });
  }
  return out;
}

/** Tile `z/x/y` of the archive decoded; `null` when the archive has no such tile. */
export async function readStationTile(archive: PMTiles, z: number, x: number, y: number): Promise<DecodedPoint[] | null> {
  const response = await archive.getZxy(z, x, y);
  return response ? decodeStations(response.data, z, x, y) : null;
}
