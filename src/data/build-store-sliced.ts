/**
 * Parses, validates and indexes station data in time slices, so a million
 * stations load without freezing the page: the work runs on the main thread in
 * slices of about 8 ms, yielding to the browser in between (input, painting,
 * a progress line), and stops when its `AbortSignal` fires.
 *
 * Why not a Worker: a Worker made from a blob URL is refused under a strict CSP
 * (`default-src 'self'`), and one made from a second file breaks the one-file
 * script-tag bundle or duplicates the code inside it. Slicing costs a few
 * percent of throughput and nothing in bytes.
 *
 * The slices run exactly the code of the one-shot API (`parseStations` on runs
 * of features, `createStationStore`'s steps), so both give the same stations,
 * the same skipped features with the same messages, and the same clusters.
 * Pure: no DOM, runs in Node and Workers.
 */
import { runStepsWithin, type Steps } from '../geo/steps.js';
import type { Crs, ParseResult, SkippedFeature, Station } from '../types.js';
import { DEFAULT_MAX_FEATURES, parseStations } from './parse-stations.js';
import { StationIdIndex, createStationStoreSteps, type StationStore } from './station-store.js';

/** Features handed to `parseStations` at a time: a few milliseconds of work. */
const FEATURES_PER_STEP = 4096;

/** Longest piece of an id echoed in a message, as `parseStations` does. */
const MAX_ECHO = 40;

/** Options of {@link buildStoreSteps} and {@link buildStoreSliced}. */
export interface BuildStoreOptions {
  /** The coordinate system of the data (default `wgs84`), as for `parseStations`. */
  crs?: Crs;
  /** Most features accepted, as for `parseStations` (default 2,000,000). */
  maxFeatures?: number;
}

/** Options of {@link runStepsSliced}. */
export interface SliceOptions {
  /** Stops the work between two slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called between slices with the progress so far (0…1, never decreasing) and once with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Milliseconds of work per slice before yielding to the browser (default 8: room for a young-generation GC pause of up to ~40 ms within 50 ms). */
  sliceMs?: number;
}

/** What one load produced: the parse result and, unless the document was unusable, its store. */
export interface BuiltStore {
  result: ParseResult;
  /** `null` when `result.error` is set. */
  store: StationStore | null;
}

/**
 * Parses `input` (a FeatureCollection, a Feature, an array of Features or JSON
 * text) and indexes the stations, in time slices between browser tasks.
 *
 * @example
 * const abort = new AbortController();
 * const { result, store } = await buildStoreSliced(collection, {
 *   signal: abort.signal,
 *   onProgress: (p) => (bar.value = p),
 * });
 */
export function buildStoreSliced(input: unknown, options: BuildStoreOptions & SliceOptions = {}): Promise<BuiltStore> {
  return runStepsSliced(buildStoreSteps(input, options), options);
}

/**
 * {@link buildStoreSliced} as steps: parsing is the first half of the progress, indexing the second.
 * `runSteps(buildStoreSteps(input))` is the one-shot version.
 *
 * @example const { result, store } = runSteps(buildStoreSteps(json, { crs: 'gcj02' }));
 */
export function* buildStoreSteps(input: unknown, options: BuildStoreOptions = {}): Steps<BuiltStore> {
  const parsed = yield* runStepsWithin(parseStationsSteps(input, options), 0, 0.5);
  const { indexById, ...result } = parsed;
  if (result.error) return { result, store: null };
  const crs = readCrs(options.crs);
  const store = yield* runStepsWithin(
    createStationStoreSteps(result.stations, { crs, skippedCount: result.skipped.length, indexById }),
    0.5,
    1,
  );
  return { result, store };
}

/**
 * Indexes stations parsed elsewhere (e.g. by `loadStations`) as steps.
 *
 * @example const { store } = await runStepsSliced(indexStationsSteps(await loadStations(url)), { signal });
 */
export function* indexStationsSteps(result: ParseResult, options: Pick<BuildStoreOptions, 'crs'> = {}): Steps<BuiltStore> {
  if (result.error) return { result, store: null };
  const store = yield* createStationStoreSteps(result.stations, {
    crs: readCrs(options.crs),
    skippedCount: result.skipped.length,
  });
  return { result, store };
}

/**
 * `parseStations` as steps: the features are parsed a few thousand at a time and
 * the runs joined, with duplicate ids detected across runs and feature indexes
 * counted over the whole input, so the result equals `parseStations(input)`.
 * Also returns the id → station position map it needed for that.
 *
 * @example const { stations, skipped } = runSteps(parseStationsSteps(collection));
 */
export function* parseStationsSteps(
  input: unknown,
  options: BuildStoreOptions = {},
): Steps<ParseResult & { indexById?: StationIdIndex }> {
  const parseOptions = { crs: readCrs(options.crs), maxFeatures: options.maxFeatures };
  let doc = input;
  if (typeof doc === 'string') {
    // JSON text is one `JSON.parse`: the browser cannot split it. Errors get parseStations' words.
    try {
      doc = JSON.parse(doc.charCodeAt(0) === 0xfeff ? doc.slice(1) : doc);
    } catch {
      return parseStations(input, parseOptions);
    }
  }
  const features = readFeatures(doc);
  const limit = typeof options.maxFeatures === 'number' && options.maxFeatures > 0 ? options.maxFeatures : DEFAULT_MAX_FEATURES;
  // Small, odd or too large documents: one call does it (and says what is wrong).
  if (!features || features.length <= FEATURES_PER_STEP || features.length > limit) return parseStations(doc, parseOptions);

  const count = features.length;
  const stations: Station[] = [];
  const skipped: SkippedFeature[] = [];
  const indexById = new StationIdIndex();
  // Feature index of each accepted station, for "same id as feature N".
  const featureOf = new Uint32Array(count);
  for (let start = 0; start < count; start += FEATURES_PER_STEP) {
    const end = Math.min(count, start + FEATURES_PER_STEP);
    const part = parseStations(features.slice(start, end), { ...parseOptions, maxFeatures: Infinity });
    let s = 0;
    let k = 0;
    for (let local = 0; local < end - start; local++) {
      const index = start + local;
      const skip = part.skipped[k];
      if (skip && skip.index === local) {
        k++;
        if (skip.reason === 'duplicate-id' && skip.id !== undefined) {
          skipped.push(describeDuplicate(index, skip.id, featureOf[indexById.get(skip.id)!]!));
        } else {
          // Messages start with "Feature <index>"; the index must count from the start of the input.
          const prefix = `Feature ${local}`;
          const message = skip.message.startsWith(prefix) ? `Feature ${index}${skip.message.slice(prefix.length)}` : skip.message;
          skipped.push({ ...skip, index, message });
        }
        continue;
      }
      const station = part.stations[s++]!;
      const first = indexById.get(station.id);
      if (first !== undefined) {
        skipped.push(describeDuplicate(index, station.id, featureOf[first]!));
        continue;
      }
      featureOf[stations.length] = index;
      indexById.set(station.id, stations.length);
      stations.push(station);
    }
    yield end / count;
  }
  return { stations, skipped, indexById };
}

/**
 * Runs `steps` in slices of `sliceMs` between browser tasks and resolves with
 * its result; rejects with the signal's reason when `signal` aborts first.
 *
 * @example const built = await runStepsSliced(buildStoreSteps(json), { signal, onProgress });
 */
export async function runStepsSliced<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const { signal, onProgress } = options;
  const sliceMs = options.sliceMs ?? 8;
  let progress = 0;
  let sliced = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const deadline = performance.now() + sliceMs;
      let next = steps.next();
      while (!next.done && performance.now() < deadline) next = steps.next();
      if (next.done) {
        // What the caller does with a sliced result (render it) gets a task of its own.
        if (sliced) {
          await yieldToBrowser();
          signal?.throwIfAborted();
        }
        onProgress?.(1);
        return next.value;
      }
      sliced = true;
      if (next.value > progress) {
        progress = Math.min(1, next.value);
        onProgress?.(progress);
      }
      await yieldToBrowser();
    }
  } finally {
    // Lets an aborted generator drop its half-built arrays now.
    steps.return(undefined as T);
  }
}

/**
 * Gives the browser a turn (input, painting, the page's own timers) and resumes right after.
 * A message, not `setTimeout(0)` (clamped to 4 ms once nested) nor `scheduler.yield()` (whose
 * continuations run ahead of the page's timers, starving them for the whole load).
 */
function yieldToBrowser(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function readFeatures(doc: unknown): readonly unknown[] | null {
  try {
    if (Array.isArray(doc)) return doc;
    if (doc !== null && typeof doc === 'object' && (doc as { type?: unknown }).type === 'FeatureCollection') {
      const features = (doc as { features?: unknown }).features;
      return Array.isArray(features) ? features : null;
    }
  } catch {
    // A hostile object: parseStations explains it.
  }
  return null;
}

function readCrs(crs: unknown): Crs {
  return crs === 'gcj02' || crs === 'bd09' ? crs : 'wgs84';
}

/** The entry `parseStations` writes for a repeated id (same words). */
function describeDuplicate(index: number, id: string, firstIndex: number): SkippedFeature {
  const shown = id.length > MAX_ECHO ? `${id.slice(0, MAX_ECHO)}…` : id;
  return {
    index,
    id,
    reason: 'duplicate-id',
    message: `Feature ${index} ("${shown}") has the same id as feature ${firstIndex}; the first one is kept`,
  };
}

