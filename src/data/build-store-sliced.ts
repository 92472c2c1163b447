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
 * The slices run exactly the code of the one-shot API (`parseStations`' steps),
 * so both give the same stations and the same skipped features with the same
 * messages; the indexes are those of `ClusterIndex.build` and `new SpatialIndex`.
 * Pure: no DOM, runs in Node and Workers.
 */
import type { ClusterIndex } from '../geo/cluster/cluster-index.js';
import { runStepsWithin, type Steps } from '../util/steps.js';
import type { Crs, ParseResult } from '../types.js';
import { parseFeatureColumnsSteps } from './parse-features.js';
import { NeedsFieldReader, SchemaReader, type PropertyReader } from './property-reader.js';
import type { StationFields } from './station-fields.js';
import { indexColumnsSteps, type StationStore } from './station-store.js';

/** Options of {@link buildStoreSteps} and {@link buildStoreSliced}. */
export interface BuildStoreOptions {
  /** The coordinate system of the data (default `wgs84`), as for `parseStations`. */
  crs?: Crs;
  /** Most features accepted, as for `parseStations` (default 2,000,000). */
  maxFeatures?: number;
  /** Headers for schema fields beyond the built-in ones, as for `parseStations`. */
  fields?: StationFields;
  /**
   * The reader of station properties. Default: the schema reader, which stops the steps with
   * `NeedsFieldReader` at the first station it cannot read (and at once when `fields` is given);
   * {@link buildStoreSliced} then loads the full reader ({@link loadFieldReader}) and starts again.
   */
  reader?: PropertyReader;
}

/** Options of {@link runStepsSliced}. */
export interface SliceOptions {
  /** Stops the work between two slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called between slices with the progress so far (0…1, never decreasing) and once with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Milliseconds of work per slice before yielding to the browser (default 8: room for a young-generation GC pause of up to ~40 ms within 50 ms). */
  sliceMs?: number;
  /**
   * Milliseconds the first slice may run (default `sliceMs`). The element passes 50, the long-task
   * threshold, for a city's file: its few hundred stations are then read in one task, with no
   * frames between their parts (three yields cost ~40 ms before the first pins on a slow phone).
   */
  firstSliceMs?: number;
}

/** What one load produced: the skipped features (or why the document is unusable) and its store. */
export interface BuiltStore {
  result: Omit<ParseResult, 'stations'>;
  /** `null` when `result.error` is set. */
  store: StationStore<ClusterIndex> | null;
}

/**
 * Parses `input` (a FeatureCollection, a Feature, an array of Features, JSON
 * text, or a table already read by data/table/read-table.ts) and indexes the
 * stations, in time slices between browser tasks.
 *
 * @example
 * const abort = new AbortController();
 * const { result, store } = await buildStoreSliced(collection, {
 *   signal: abort.signal,
 *   onProgress: (p) => (bar.value = p),
 * });
 */
export async function buildStoreSliced(input: unknown, options: BuildStoreOptions & SliceOptions = {}): Promise<BuiltStore> {
  try {
    return await runStepsSliced(buildStoreSteps(input, options), options);
  } catch (error) {
    if (!(error instanceof NeedsFieldReader)) throw error;
    return runStepsSliced(buildStoreSteps(input, { ...options, reader: await loadFieldReader(options.fields) }), options);
  }
}

/**
 * The full reader of station properties (Chinese and GIS headers, the type and service
 * vocabulary), from its own module: data that speaks the schema never needs it.
 */
export async function loadFieldReader(fields?: StationFields | null): Promise<PropertyReader> {
  const { FieldReader } = await import('./station-fields.js');
  return new FieldReader(fields);
}

/**
 * {@link buildStoreSliced} as steps: parsing is nine tenths of the progress, the columns' bbox the rest
 * (the cluster index and the kd-tree are built later, see `StationStore.clusterSteps`).
 * `runSteps(buildStoreSteps(input))` is the one-shot version. The stations are those of
 * `parseStations(input)`, with the same skipped features and messages, but each is made from
 * its feature only when `store.station(i)` first asks for it.
 *
 * @example const { result, store } = runSteps(buildStoreSteps(json, { crs: 'gcj02' }));
 */
export function* buildStoreSteps(input: unknown, options: BuildStoreOptions = {}): Steps<BuiltStore> {
  const crs = readCrs(options.crs);
  // A page's own headers are the full reader's to read.
  if (!options.reader && options.fields) throw new NeedsFieldReader();
  const reader = options.reader ?? new SchemaReader();
  // JSON text is one `JSON.parse`: the browser cannot split it.
  const parsed = yield* runStepsWithin(parseFeatureColumnsSteps(input, { crs, maxFeatures: options.maxFeatures, fields: options.fields }, reader), 0, 0.9);
  const { skipped, error } = parsed;
  if (error) return { result: { skipped, error }, store: null };
  const store = yield* runStepsWithin(indexColumnsSteps(parsed, { crs, skippedCount: skipped.length }), 0.9, 1);
  return { result: { skipped }, store };
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
      const deadline = performance.now() + (sliced ? sliceMs : (options.firstSliceMs ?? sliceMs));
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

function readCrs(crs: unknown): Crs {
  return crs === 'gcj02' || crs === 'bd09' ? crs : 'wgs84';
}
