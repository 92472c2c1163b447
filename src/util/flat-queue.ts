/**
 * A binary min-heap of integer ids keyed by numbers, kept in two flat arrays.
 * Path search pushes a node again whenever its cost drops (and skips stale
 * entries when popped), so each entry carries its own key; a heap of objects
 * with a comparator would allocate one object per push.
 */
export class FlatQueue {
  private ids: number[] = [];
  private keys: number[] = [];

  /** Number of entries. */
  get length(): number {
    return this.ids.length;
  }

  /** Adds `id` with priority `key` (lower comes out first). */
  push(id: number, key: number): void {
    const { ids, keys } = this;
    let pos = ids.length;
    ids.push(id);
    keys.push(key);
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (keys[parent] <= key) break;
      ids[pos] = ids[parent];
      keys[pos] = keys[parent];
      pos = parent;
    }
    ids[pos] = id;
    keys[pos] = key;
  }

  /** The lowest key, or `Infinity` when empty. */
  peekKey(): number {
    return this.keys.length > 0 ? this.keys[0] : Infinity;
  }

  /** Removes and returns the id with the lowest key, or `undefined` when empty. */
  pop(): number | undefined {
    const { ids, keys } = this;
    if (ids.length === 0) return undefined;
    const top = ids[0];
    const lastId = ids.pop() as number;
    const lastKey = keys.pop() as number;
    const length = ids.length;
    if (length > 0) {
      let pos = 0;
      const half = length >> 1;
      while (pos < half) {
        let child = 2 * pos + 1;
        if (child + 1 < length && keys[child + 1] < keys[child]) child++;
        if (keys[child] >= lastKey) break;
        ids[pos] = ids[child];
        keys[pos] = keys[child];
        pos = child;
      }
      ids[pos] = lastId;
      keys[pos] = lastKey;
    }
    return top;
  }
}
