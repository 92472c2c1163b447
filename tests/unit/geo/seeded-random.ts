/** Seeded random numbers for geo tests, so a failure replays the same way. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` points uniformly in a lng/lat box. */
export function randomPoints(
  n: number,
  seed: number,
  [west, south, east, north]: [number, number, number, number],
): { lng: Float64Array; lat: Float64Array } {
  const random = createRandom(seed);
  const lng = new Float64Array(n);
  const lat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lng[i] = west + random() * (east - west);
    lat[i] = south + random() * (north - south);
  }
  return { lng, lat };
}
