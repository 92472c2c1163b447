/**
 * Station id → position in a load, as a read-only Map.
 *
 * Why not a `Map`: a Map grows by rehashing every entry at once (~90 ms at a
 * million ids, a long task in the middle of a time-sliced load), and its
 * entries are young objects the garbage collector copies again and again while
 * a million stations load. Here the positions live in one open-addressing table
 * of integers, sized once from the most ids the load can have, and the ids in
 * one array in position order. Pure: no DOM, runs in Node and Workers.
 */
import type { Steps } from '../util/steps.js';

/**
 * The ids of one load's stations, each at the position it was added at.
 *
 * @example
 * const ids = new StationIdIndex(2);
 * ids.add('TA-0391'); // -1: added at position 0
 * ids.add('TA-0391'); // 0: already there
 * ids.get('TA-0391'); // 0
 */
export class StationIdIndex implements ReadonlyMap<string, number> {
  /**
   * Two integers a slot: the id's hash and its position + 1 (0: an empty slot). Probes compare
   * hashes in the table itself and look at an id string only when they match: one memory
   * access a probe, where reading the id of every occupied slot cost about three.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly ids: string[] = [];

  /** An empty index with room for `capacity` ids (more cannot be added). */
  constructor(readonly capacity: number) {
    // At most half full, so a probe ends after one or two slots.
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /**
   * Writes the empty table a part at a time, yielding between parts. A fresh table's memory is
   * mapped on first touch; hashed adds touch all of it at once (≈ 25 ms for a million ids, in
   * one slice of a sliced load), where this spreads the cost over slices.
   */
  *touchSteps(): Steps<void> {
    const part = 1 << 18;
    for (let start = 0; start < this.slots.length; start += part) {
      this.slots.fill(0, start, start + part);
      yield (start + part) / this.slots.length;
    }
  }

  /** Number of ids. */
  get size(): number {
    return this.ids.length;
  }

  /** The id at `position`. */
  idAt(position: number): string {
    return this.ids[position]!;
  }

  /**
   * Adds `id` at the next position and returns -1, or returns the position it
   * already has (and adds nothing). Throws past `capacity`.
   */
  add(id: string): number {
    const hash = hashId(id);
    const at = this.find(id, hash);
    const held = this.slots[at + 1]!;
    if (held !== 0) return held - 1;
    if (this.ids.length >= this.capacity) throw new RangeError(`StationIdIndex is full (${this.capacity} ids)`);
    this.ids.push(id);
    this.slots[at] = hash;
    this.slots[at + 1] = this.ids.length;
    return -1;
  }

  /** Position of station `id`, or `undefined`. */
  get(id: string): number | undefined {
    const held = this.slots[this.find(id, hashId(id)) + 1]!;
    return held === 0 ? undefined : held - 1;
  }

  /** Whether a station has `id`. */
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.ids.length; i++) callback.call(thisArg, i, this.ids[i]!, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i]!, i];
  }

  *keys(): MapIterator<string> {
    for (let i = 0; i < this.ids.length; i++) yield this.ids[i]!;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.ids.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  /** The table offset of the slot holding `id`, or of the empty slot where it would go (linear probing). */
  private find(id: string, hash: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot * 2;
      const held = slots[at + 1]!;
      if (held === 0 || (slots[at] === hash && this.ids[held - 1] === id)) return at;
    }
  }
}

/**
 * FNV-1a over the id's UTF-16 code units, its high bits folded in, cut to 30 bits: a small
 * integer V8 keeps unboxed everywhere (a full 32-bit hash deoptimized `add` again and again).
 */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & 0x3fffffff;
}
