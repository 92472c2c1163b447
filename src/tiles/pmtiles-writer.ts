/**
 * A PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a
 * 127-byte header, the root directory, the JSON metadata, leaf directories when the root alone
 * would pass the first 16 KiB, then the tiles in tile-id order ("clustered"), identical tiles
 * stored once. With leaves, the root still holds the low zooms' tiles itself, and the metadata
 * follows it inside the first 16 KiB: a reader that keeps those bytes draws a country view and
 * starts a nearest search with no request but that one and the tiles'. Gzip is handed in (`zlib.gzipSync` in Node, any JavaScript gzip in a page or a Worker), so
 * this module runs anywhere.
 */
import { zoomBaseId, zxyToTileId } from './tile-math.js';
import { ARCHIVE_HEAD_BYTES } from './tiled-source-url.js';

/** PMTiles tile types (header byte 99). */
export const PMTILES_TILE_TYPE = { unknown: 0, mvt: 1, png: 2, jpeg: 3, webp: 4, avif: 5 } as const;

/** The header and root directory must fit in the first bytes a client fetches in one request (16 KiB). */
export const ROOT_LIMIT = ARCHIVE_HEAD_BYTES;
/** Header length in bytes. */
export const HEADER_LENGTH = 127;

/** Gzip compression code of the header's compression fields. */
const GZIP = 2;
/** Entries per leaf directory to start with; doubled while the root is too big. */
const FIRST_LEAF_SIZE = 4096;
/** Deepest zoom whose tiles the root may hold itself, when leaves are needed. */
const MAX_ROOT_ZOOM = 8;

/** One directory entry: a run of `runLength` tiles from `tileId` sharing one blob, or (`runLength` 0) a leaf directory. */
export interface DirectoryEntry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

/** Options of {@link PmtilesWriter}. */
export interface PmtilesWriterOptions {
  /** Gzip compression of a byte array, used for the tiles, the directories and the metadata. */
  gzip: (bytes: Uint8Array) => Uint8Array;
  /** Tile type of the header (default MVT). */
  tileType?: number;
}

/** What the header says beyond the layout: zooms, bounds and center. */
export interface PmtilesHeaderInfo {
  minZoom: number;
  maxZoom: number;
  /** `[west, south, east, north]` in degrees. */
  bounds: [number, number, number, number];
  center: [lng: number, lat: number, zoom: number];
}

/** The figures of a finished archive. */
export interface PmtilesSummary {
  /** Tiles addressed (with duplicates). */
  addressedTiles: number;
  /** Tile entries in the directories (runs count once). */
  tileEntries: number;
  /** Distinct tile blobs stored. */
  tileContents: number;
  /** Leaf directories written (0 when the root holds every entry). */
  leafDirectories: number;
  /** Bytes of the largest tile blob, compressed as stored. */
  largestTile: number;
  /** Bytes of the whole archive. */
  bytes: number;
}

/**
 * Collects tiles in tile-id order and lays out the archive.
 *
 * @example
 * const writer = new PmtilesWriter({ gzip: (b) => zlib.gzipSync(b) });
 * writer.addTile(0, 0, 0, mvtBytes);
 * const chunks = writer.finish({ minZoom: 0, maxZoom: 0, bounds, center }, { name: 'stations' });
 */
export class PmtilesWriter {
  private readonly options: PmtilesWriterOptions;
  private readonly entries: DirectoryEntry[] = [];
  private readonly blobs: Uint8Array[] = [];
  /** Stored blobs by a hash of their bytes, to find identical tiles. */
  private readonly byHash = new Map<number, number[]>();
  private readonly blobOffsets: number[] = [];
  private dataLength = 0;
  private lastTileId = -1;
  private addressed = 0;

  constructor(options: PmtilesWriterOptions) {
    this.options = options;
  }

  /**
   * Adds the uncompressed bytes of tile `z/x/y`. Tiles must come in increasing tile-id order
   * (zoom by zoom, each zoom along its Hilbert curve), which keeps the data clustered.
   *
   * @throws {RangeError} for a tile out of order, or empty bytes (the spec forbids zero lengths).
   */
  addTile(z: number, x: number, y: number, bytes: Uint8Array): void {
    const tileId = zxyToTileId(z, x, y);
    if (tileId <= this.lastTileId) throw new RangeError(`tile ${z}/${x}/${y} comes after a tile with a higher id`);
    if (bytes.length === 0) throw new RangeError(`tile ${z}/${x}/${y} is empty`);
    this.lastTileId = tileId;
    this.addressed++;
    const data = this.options.gzip(bytes);
    const blob = this.storeBlob(data);
    const offset = this.blobOffsets[blob]!;
    const last = this.entries[this.entries.length - 1];
    // Consecutive tiles with the same bytes are one entry with a longer run.
    if (last && last.offset === offset && last.tileId + last.runLength === tileId) last.runLength++;
    else this.entries.push({ tileId, offset, length: data.length, runLength: 1 });
  }

  /** Stores `data` unless the same bytes are stored already; gives the blob's index. */
  private storeBlob(data: Uint8Array): number {
    const hash = hashBytes(data);
    const candidates = this.byHash.get(hash);
    if (candidates) for (const i of candidates) if (sameBytes(this.blobs[i]!, data)) return i;
    const index = this.blobs.push(data) - 1;
    this.blobOffsets.push(this.dataLength);
    this.dataLength += data.length;
    if (candidates) candidates.push(index);
    else this.byHash.set(hash, [index]);
    return index;
  }

  /**
   * Lays out the archive: the header, root directory, metadata and leaf directories, then the
   * tile blobs. The chunks, written one after the other, are the file.
   *
   * @throws {Error} when no tile was added (a PMTiles directory may not be empty).
   */
  finish(info: PmtilesHeaderInfo, metadata: unknown): { chunks: Uint8Array[]; summary: PmtilesSummary } {
    if (this.entries.length === 0) throw new Error('a PMTiles archive needs at least one tile');
    const { gzip } = this.options;
    const meta = gzip(new TextEncoder().encode(JSON.stringify(metadata)));
    // The root and the metadata share the first 16 KiB when the metadata is small enough to.
    const sharedBudget = ROOT_LIMIT - HEADER_LENGTH - meta.length;
    const { root, leaves, leafCount } = buildDirectories(this.entries, gzip, sharedBudget >= ROOT_LIMIT / 2 ? sharedBudget : ROOT_LIMIT - HEADER_LENGTH);
    const rootOffset = HEADER_LENGTH;
    const metadataOffset = rootOffset + root.length;
    const leafOffset = metadataOffset + meta.length;
    const dataOffset = leafOffset + leaves.length;
    const header = writeHeader({
      rootOffset,
      rootLength: root.length,
      metadataOffset,
      metadataLength: meta.length,
      leafOffset,
      leafLength: leaves.length,
      dataOffset,
      dataLength: this.dataLength,
      addressedTiles: this.addressed,
      tileEntries: this.entries.length,
      tileContents: this.blobs.length,
      tileType: this.options.tileType ?? PMTILES_TILE_TYPE.mvt,
      ...info,
    });
    return {
      chunks: [header, root, meta, leaves, ...this.blobs],
      summary: {
        addressedTiles: this.addressed,
        tileEntries: this.entries.length,
        tileContents: this.blobs.length,
        leafDirectories: leafCount,
        largestTile: this.blobs.reduce((max, blob) => Math.max(max, blob.length), 0),
        bytes: dataOffset + this.dataLength,
      },
    };
  }
}

/**
 * The root directory and the leaf directories (concatenated): the root alone when it fits in
 * `budget` bytes, else the root holds the tiles of the lowest zooms whose entries take at most
 * half of it (up to {@link MAX_ROOT_ZOOM}) and points to leaves of 4096 entries, 8192 … for the
 * rest, the leaves doubling until the root fits. (A root mixing tile entries and leaf pointers is
 * valid PMTiles v3: a reader's search finds either.)
 */
function buildDirectories(
  entries: readonly DirectoryEntry[],
  gzip: (bytes: Uint8Array) => Uint8Array,
  budget: number,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const whole = gzip(serializeDirectory(entries));
  if (whole.length <= budget) return { root: whole, leaves: new Uint8Array(0), leafCount: 0 };
  let direct = 0;
  for (let z = MAX_ROOT_ZOOM; z >= 0; z--) {
    const end = entries.findIndex((e) => e.tileId >= zoomBaseId(z + 1));
    const count = end < 0 ? entries.length : end;
    if (count < entries.length && gzip(serializeDirectory(entries.slice(0, count))).length <= budget / 2) {
      direct = count;
      break;
    }
  }
  const rest = entries.slice(direct);
  for (let leafSize = FIRST_LEAF_SIZE; ; leafSize *= 2) {
    const pointers: DirectoryEntry[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    for (let start = 0; start < rest.length; start += leafSize) {
      const leaf = gzip(serializeDirectory(rest.slice(start, start + leafSize)));
      pointers.push({ tileId: rest[start]!.tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const root = gzip(serializeDirectory([...entries.slice(0, direct), ...pointers]));
    if (root.length <= budget || pointers.length === 1) return { root, leaves: concatBytes(parts), leafCount: parts.length };
  }
}


/**
 * A directory's bytes before compression: the entry count, then the columns (tile-id deltas,
 * run lengths, lengths, offsets) as varints; an offset right after the previous entry's blob is
 * written as 0, any other as offset + 1.
 *
 * @example serializeDirectory([{ tileId: 0, offset: 0, length: 5, runLength: 1 }]) // Uint8Array [1, 0, 1, 5, 1]
 */
export function serializeDirectory(entries: readonly DirectoryEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const previous = entries[i - 1];
    writeVarint(out, i > 0 && previous && e.offset === previous.offset + previous.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Little-endian base-128 varint of a non-negative integer below 2^53 (bit operators stop at 32 bits, so it divides). */
function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

interface HeaderFields extends PmtilesHeaderInfo {
  rootOffset: number;
  rootLength: number;
  metadataOffset: number;
  metadataLength: number;
  leafOffset: number;
  leafLength: number;
  dataOffset: number;
  dataLength: number;
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  tileType: number;
}

function writeHeader(h: HeaderFields): Uint8Array {
  const bytes = new Uint8Array(HEADER_LENGTH);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('PMTiles'), 0);
  bytes[7] = 3;
  const u64 = (at: number, value: number) => {
    view.setUint32(at, value % 2 ** 32, true);
    view.setUint32(at + 4, Math.floor(value / 2 ** 32), true);
  };
  u64(8, h.rootOffset);
  u64(16, h.rootLength);
  u64(24, h.metadataOffset);
  u64(32, h.metadataLength);
  u64(40, h.leafOffset);
  u64(48, h.leafLength);
  u64(56, h.dataOffset);
  u64(64, h.dataLength);
  u64(72, h.addressedTiles);
  u64(80, h.tileEntries);
  u64(88, h.tileContents);
  bytes[96] = 1; // clustered: blobs in tile-id order
  bytes[97] = GZIP;
  bytes[98] = GZIP;
  bytes[99] = h.tileType;
  bytes[100] = h.minZoom;
  bytes[101] = h.maxZoom;
  const e7 = (at: number, degrees: number) => view.setInt32(at, Math.round(degrees * 1e7), true);
  const [west, south, east, north] = h.bounds;
  e7(102, west);
  e7(106, south);
  e7(110, east);
  e7(114, north);
  bytes[118] = h.center[2];
  e7(119, h.center[0]);
  e7(123, h.center[1]);
  return bytes;
}

/** FNV-1a over the bytes: cheap, and equal bytes always meet (a collision is settled by comparing them). */
function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h >>> 0) + bytes.length * 2 ** 32;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
