/**
 * Loads the stations of `<station-map>` from its `.stations` property, its `src` URL or an inline
 * `<script type="application/geo+json">`, and indexes them in time slices with a progress bar. A
 * newer load, or disconnecting, aborts the one running; inline data is watched for changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { buildStoreSliced, buildStoreSteps, loadFieldReader, runStepsSliced, type BuiltStore } from '../data/build-store-sliced.js';
import { DEFAULT_MAX_BYTES, fetchStationBody, stationRequest, unusableData } from '../data/fetch-stations.js';
import { DEFAULT_MAX_FEATURES } from '../data/parse-features.js';
import { NeedsFieldReader, type PropertyReader } from '../data/property-reader.js';
import type { StationFields } from '../data/station-fields.js';
import { isTableInput, StationTable } from '../data/station-table.js';
import { StationMapError } from '../errors.js';
import { isCrs } from '../geo/crs/crs.js';
import type { UiStrings } from '../i18n/strings.js';
import type { Crs, StationInput, StationMapErrorCode } from '../types.js';
import { runStepsWithin } from '../util/steps.js';

/** Where the stations come from, in the order that wins. */
export interface StationSource {
  stations: StationInput | null;
  src: string | null;
  crs: Crs;
  /** `none`: keep no copy of `src` for offline use (the `cache` attribute). */
  cache?: string | null;
  /** Headers for schema fields beyond the built-in ones. */
  fields?: StationFields | null;
}

/** Why a load failed: `text` for the user, `code` and `message` for `station-map-error`. */
export interface StationLoadFailure {
  code: StationMapErrorCode;
  message: string;
  text: string;
  /** The data itself was unusable (not a failed request): the old stations go too. */
  invalidData: boolean;
}

/** What the loader reads from and tells its element. */
export interface StationLoadControllerOptions {
  source(): StationSource;
  strings(): UiStrings;
  /** A load starts: the previous error message goes. */
  onStart(): void;
  onFailed(failure: StationLoadFailure): void;
  /**
   * The stations are indexed; the load resolves when this does. `fromTable` is set when they came
   * from a CSV/TSV table, whose skipped entries carry spreadsheet rows.
   */
  onLoaded(built: BuiltStore & { store: NonNullable<BuiltStore['store']>; fromTable?: boolean }): Promise<void>;
  /** The store's cluster index is built (in slices after `onLoaded`), unless a newer load came first. */
  onClustersReady?(store: NonNullable<BuiltStore['store']>): void;
  /** The store's kd-tree is built (in slices after the cluster index), unless a newer load came first. */
  onSpatialReady?(store: NonNullable<BuiltStore['store']>): void;
  /** `src` could not be fetched and the saved copy is shown instead (see {@link StationLoadController.copySavedAt}). */
  onSavedCopy?(failure: StationLoadFailure): void;
  /**
   * The stations of a large `src` that arrived so far, while the rest downloads (see
   * data/station-preview.ts); `onLoaded` follows with all of them, or `onFailed`.
   */
  onPreview?(store: NonNullable<BuiltStore['store']>): void;
}

/** Fewest milliseconds between two updates of the progress bar. */
const PROGRESS_INTERVAL_MS = 120;
/** JSON text from this length on is parsed in pieces, between frames (`JSON.parse` of a megabyte: a few ms). */
const JSON_IN_PIECES_FROM = 1 << 20;
/** The share of the progress bar that parsing such a text takes. */
const JSON_SHARE = 0.4;
/** The first slice of a city's load (see ONE_SLICE_TEXT): the long-task threshold. */
const ONE_SLICE_MS = 50;
/**
 * JSON text shorter than this (a city's file: ~600 stations with every property) is read and
 * indexed in a first slice of up to {@link ONE_SLICE_MS}: 400 stations in one task
 * (~45 ms on a slow phone) instead of four slices with frames between, which put ~40 ms before
 * its first pins. Larger data is sliced from the start: a 50 ms first slice made a desktop's
 * load of 100,000 stations one task over 50 ms.
 */
const ONE_SLICE_TEXT = 256 * 1024;
/**
 * A body still arriving this long after its first bytes is a large file on a slow link: its
 * stations are shown as they come. A city's file is in before (400 stations, 23 KB gzip, arrive
 * in one piece at 1.6 Mbps); a province's first 2,000 stations show 0.25 s sooner than at 0.3 s.
 */
const PREVIEW_AFTER_MS = 150;

const INLINE_SELECTOR =
  'script[type="application/geo+json"], script[type="application/json"], script[type="text/csv"], script[type="text/tab-separated-values"]';

/**
 * Reads a table (CSV/TSV text, or a file's bytes) into what the parser takes. The reader is its
 * own module, loaded on first use: a page with GeoJSON never downloads it.
 */
async function readTableInput(input: unknown, fields: StationFields | null | undefined) {
  const { prepareStationInput } = await import('../data/table/read-table.js');
  return prepareStationInput(input, { fields: fields ?? undefined });
}

/** Owns the station loading of one `<station-map>`. */
export class StationLoadController implements ReactiveController {
  private abort: AbortController | null = null;
  private generation = 0;
  private inlineObserver: MutationObserver | null = null;
  private isLoading = false;
  private currentProgress: number | null = null;
  private shownCopySavedAt: number | null = null;
  // The network is back: fetch again what the saved copy stands in for.
  private readonly handleOnline = () => {
    if (this.shownCopySavedAt !== null) void this.reload();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StationLoadControllerOptions,
  ) {
    host.addController(this);
  }

  /** A `src` request is in flight (stays `true` when a disconnect aborted it, so a reconnect resumes). */
  get loading(): boolean {
    return this.isLoading;
  }

  /**
   * When the stations shown are the saved copy of `src` (it could not be fetched): the time it
   * was saved, ms since the epoch; `null` when they are fresh or not from `src`.
   */
  get copySavedAt(): number | null {
    return this.shownCopySavedAt;
  }

  /** Progress (0…1) of indexing the stations in time slices, or `null` when no load is running. */
  get progress(): number | null {
    return this.currentProgress;
  }

  hostConnected(): void {
    this.inlineObserver = new MutationObserver(() => {
      const { stations, src } = this.options.source();
      if (stations == null && !src) void this.reload();
    });
    this.inlineObserver.observe(this.host, { childList: true, characterData: true, subtree: true });
    addEventListener('online', this.handleOnline);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.early?.abort.abort();
    this.early = null;
    this.inlineObserver?.disconnect();
    this.inlineObserver = null;
    removeEventListener('online', this.handleOnline);
  }

  /**
   * Sends the request for `src` when the element is first connected: the first update waits for a
   * task of its own, and on a phone that task and the work before its load ran ~50 ms before the
   * request left. {@link reload} takes the response over (same URL, same header), or aborts it.
   */
  startEarly(): void {
    const { stations, src } = this.options.source();
    if (stations != null || !src || this.early) return;
    const abort = new AbortController();
    const response = fetch(src, stationRequest(abort.signal));
    response.catch(() => undefined); // reported by the load that takes it, or aborted unused
    this.early = { src, response, abort };
  }
  private early: { src: string; response: Promise<Response>; abort: AbortController } | null = null;

  /**
   * The early request as a `fetch` for fetchStationBody (aborted with the load) when it is for
   * `src`; `undefined` when there is none, or it is for another source (it is aborted then).
   */
  private takeEarly(src: string | null): typeof fetch | undefined {
    const early = this.early;
    this.early = null;
    if (!early) return undefined;
    if (early.src !== src) {
      early.abort.abort();
      return undefined;
    }
    return (_url, init) => {
      init?.signal?.addEventListener('abort', () => early.abort.abort(init.signal!.reason), { once: true });
      return early.response;
    };
  }

  /** Reloads the station data from the property, `src` or inline `<script type="application/geo+json">`. */
  async reload(): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    const generation = ++this.generation;
    const { stations, src, crs: pageCrs, cache, fields } = this.options.source();
    let fromUrl: string | null = null;
    let copyKey: string | null = null;
    let copySavedAt: number | null = null;
    let fetched: string | Uint8Array | null = null;
    const crs = isCrs(pageCrs) ? pageCrs : 'wgs84';
    const early = this.takeEarly(stations == null ? src : null);
    this.options.onStart();
    let input: unknown;
    if (stations != null) {
      input = stations;
    } else if (src) {
      this.setLoading(true);
      let text;
      copyKey = cache === 'none' ? null : copyKeyOf(src);
      const preview = this.previewWhileLoading(generation, crs, fields);
      // The document with the features a preview read as they arrived: not parsed a second time.
      let previewed: Record<string, unknown> | null = null;
      try {
        text = await fetchStationBody(src, { signal: abort.signal, onText: preview.push, fetch: early });
        if (typeof text === 'string') previewed = await preview.finish(text);
      } catch (error) {
        preview.stop();
        if (abort.signal.aborted || generation !== this.generation) return;
        const failure = this.describeFetchError(error);
        // Offline, a timeout, a server error: the last copy fetched beats an empty map. Data that
        // arrived but was unusable is a fault of the file, not the network: no copy then.
        const copy = copyKey && failure.code === 'fetch-failed' ? await (await import('./saved-copy.js')).readCopy(copyKey) : null;
        if (generation !== this.generation) return;
        if (!copy) {
          this.setLoading(false);
          this.options.onFailed(failure);
          return;
        }
        text = copy.text;
        copySavedAt = copy.savedAt;
        this.options.onSavedCopy?.(failure);
      }
      if (copySavedAt === null) fetched = text;
      if (generation !== this.generation) return;
      this.setLoading(false);
      // Parsed in slices like `.stations` data; an unusable document fails like a failed request.
      input = previewed ?? text;
      fromUrl = src;
    } else {
      const script = this.host.querySelector(INLINE_SELECTOR);
      if (!script) return;
      input = script.textContent ?? '';
      // Inline CSV is indented like the page's HTML: the rows' leading spaces are not data.
      if (/csv|tab-separated/.test(script.getAttribute('type') ?? '')) input = dedent(input as string).replace(/^\s*\n/, '');
    }
    if (isTableInput(input)) {
      let prepared;
      try {
        prepared = await readTableInput(input, fields);
      } catch (error) {
        // The reader's file could not be loaded (offline, a CSP that refuses it).
        if (abort.signal.aborted || generation !== this.generation) return;
        this.options.onFailed(this.describeFetchError(new StationMapError('fetch-failed', `Could not load the table reader: ${String(error)}`)));
        return;
      }
      if (abort.signal.aborted || generation !== this.generation) return;
      if ('error' in prepared) {
        const failure = unusableData(fromUrl ?? 'the page', prepared.error);
        if (fromUrl) this.options.onFailed(this.describeFetchError(failure));
        else this.failInvalid(prepared.error);
        return;
      }
      input = prepared.data;
    }
    const fromTable = input instanceof StationTable;
    // Parsing and indexing run in ~8 ms slices so a million stations never freeze the page;
    // a newer load (or disconnecting) aborts this one between two slices.
    let built: BuiltStore;
    // Each progress change re-renders and repaints the element: a few per second read as
    // smooth, one per slice costs ~4 ms a slice. None in the first interval: a city's load is done
    // by then, and a bar shown for a frame or two only delays its pins on a slow phone.
    let shownAt = performance.now();
    const onProgress = (p: number) => {
      const now = performance.now();
      if (p >= 1 || now - shownAt < PROGRESS_INTERVAL_MS) return;
      shownAt = now;
      this.setProgress(Math.floor(p * 100) / 100);
    };
    // The share of the progress that parsing megabytes of JSON text in pieces took (see below).
    let parsedShare = 0;
    if (typeof input === 'string' && input.length >= JSON_IN_PIECES_FROM && /^\s*\{/.test(input.slice(0, 64))) {
      // Several megabytes (ten thousand stations with every property) were one JSON.parse of
      // ~300 ms on a slow phone, the longest task of the load. The piecewise parser is a side
      // file: a city's data is far smaller, and beside a large file its request costs nothing.
      const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
      let pieces: typeof import('../data/parse-json-steps.js') | null = null;
      try {
        pieces = await import('../data/parse-json-steps.js');
      } catch {
        // Not hosted, or offline: the parser reads the text at once, as before.
      }
      if (abort.signal.aborted || generation !== this.generation) return;
      if (pieces) {
        try {
          input = await runStepsSliced(runStepsWithin(pieces.parseJsonSteps(text), 0, JSON_SHARE), { signal: abort.signal, onProgress });
          parsedShare = JSON_SHARE;
        } catch {
          if (abort.signal.aborted || generation !== this.generation) {
            if (generation === this.generation) this.setProgress(null);
            return;
          }
          // Not JSON: the parser says why, in its own words.
        }
      }
    }
    const build = (reader?: PropertyReader) =>
      runStepsSliced(runStepsWithin(buildStoreSteps(input, { crs, fields: fields ?? undefined, reader }), parsedShare, 1), {
        signal: abort.signal,
        onProgress,
        firstSliceMs: typeof input === 'string' && input.length < ONE_SLICE_TEXT ? ONE_SLICE_MS : undefined,
      });
    try {
      try {
        // The schema reader first; Chinese headers and values, a table's rows or the page's
        // `fields` need the full reader, a file of its own loaded the first time.
        built = await build();
      } catch (error) {
        if (!(error instanceof NeedsFieldReader)) throw error;
        let reader: PropertyReader;
        try {
          reader = await loadFieldReader(fields);
        } catch (loadError) {
          if (abort.signal.aborted || generation !== this.generation) return;
          this.options.onFailed(this.describeFetchError(new StationMapError('fetch-failed', `Could not load the field reader: ${String(loadError)}`)));
          return;
        }
        if (abort.signal.aborted || generation !== this.generation) return;
        built = await build(reader);
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      throw error;
    } finally {
      if (generation === this.generation) this.setProgress(null);
    }
    const { result, store } = built;
    if (fromUrl && result.error) {
      this.options.onFailed(this.describeFetchError(unusableData(fromUrl, result.error)));
      return;
    }
    if (result.error || !store) {
      this.failInvalid(result.error);
      return;
    }
    this.shownCopySavedAt = copySavedAt;
    await this.options.onLoaded({ result, store, fromTable });
    // Saved only once it parsed: a broken file must not replace a good copy. Its own module,
    // loaded when the page is idle after the first render: a first view does not need IndexedDB.
    if (copyKey && fetched !== null) {
      const text = fetched;
      const key = copyKey;
      whenIdle(() => void import('./saved-copy.js').then((copies) => copies.saveCopy(key, text)));
    }
    // The cluster index and the kd-tree are built after the first render, in slices; until then
    // the store answers from scans of its columns (same answers). A newer load stops them.
    const builds = [
      [() => store.clusterSteps(), this.options.onClustersReady],
      [() => store.spatialSteps(), this.options.onSpatialReady],
    ] as const;
    for (const [steps, onReady] of builds) {
      if (generation !== this.generation) return;
      try {
        await runStepsSliced<unknown>(steps(), { signal: abort.signal });
      } catch {
        return; // a newer load or a disconnect aborted the build
      }
      if (generation === this.generation) onReady?.(store);
    }
  }

  /**
   * Feeds a download's text to a preview (its module loaded once the body has been arriving for
   * {@link PREVIEW_AFTER_MS}) that shows the stations so far with `onPreview`; `stop` ends it.
   */
  private previewWhileLoading(generation: number, crs: Crs, fields: StationFields | null | undefined) {
    // The pieces not handed to a preview yet (all, until its module is in); `null` when none will be.
    let waiting: string[] | null = this.options.onPreview ? [] : null;
    let firstAt = -1;
    let starting = false;
    let preview: import('../data/station-preview.js').StationPreview<NonNullable<BuiltStore['store']>> | null = null;
    // The element's own sliced builder: the preview's file holds no second copy of it.
    const build = async (collection: unknown, signal: AbortSignal) => (await buildStoreSliced(collection, { crs, fields: fields ?? undefined, signal })).store;
    const start = async () => {
      // A body this slow is likely a large one, which the piecewise parser reads once it is in:
      // fetched now, it is not a round trip after the last byte.
      import('../data/parse-json-steps.js').catch(() => undefined);
      const { StationPreview } = await import('../data/station-preview.js');
      if (!waiting) return; // stopped meanwhile
      preview = new StationPreview({ build, show: (store) => generation === this.generation && this.options.onPreview?.(store) });
      for (const text of waiting) preview.push(text);
      waiting = null;
    };
    return {
      push: (text: string) => {
        if (preview) return preview.push(text);
        if (!waiting) return;
        waiting.push(text);
        firstAt = firstAt < 0 ? performance.now() : firstAt;
        if (starting || performance.now() - firstAt < PREVIEW_AFTER_MS) return;
        starting = true;
        // Not hosted, or offline: no preview, the stations show when all are in.
        start().catch(() => (waiting = null));
      },
      stop: () => {
        waiting = null;
        preview?.stop();
      },
      /** The body is complete: see {@link StationPreview.finish} (`null` without a preview). */
      finish: async (text: string) => {
        waiting = null;
        return preview ? preview.finish(text) : null;
      },
    };
  }

  /** The data handed over (property, inline) is unusable as a whole. */
  private failInvalid(error: BuiltStore['result']['error']): void {
    const strings = this.options.strings();
    const code = error?.code === 'too-large' ? 'too-large' : 'invalid-geojson';
    const headline = code === 'too-large' ? strings.errors['too-large']({ maxFeatures: DEFAULT_MAX_FEATURES }) : strings.errors['invalid-geojson']();
    const message = error?.message ?? '';
    this.options.onFailed({ code, message, text: `${headline} ${message}`, invalidData: true });
  }

  private describeFetchError(error: unknown): StationLoadFailure {
    const strings = this.options.strings();
    const e = error instanceof StationMapError ? error : new StationMapError('fetch-failed', String(error));
    const status = /HTTP (\d{3})/.exec(e.message)?.[1];
    const headline =
      e.code === 'invalid-geojson'
        ? strings.errors['invalid-geojson']()
        : e.code === 'too-large'
          ? strings.errors['too-large'](/maxFeatures/.test(e.message) ? { maxFeatures: DEFAULT_MAX_FEATURES } : { maxBytes: DEFAULT_MAX_BYTES })
          : strings.errors['fetch-failed']({ status: status ? Number(status) : undefined });
    return { code: e.code, message: e.message, text: `${headline} ${e.message}`, invalidData: false };
  }

  private setLoading(loading: boolean): void {
    if (loading === this.isLoading) return;
    this.isLoading = loading;
    this.host.requestUpdate();
  }

  private setProgress(progress: number | null): void {
    if (progress === this.currentProgress) return;
    this.currentProgress = progress;
    this.host.requestUpdate();
  }
}

/** The key of a `src` copy: its absolute URL; `null` where there is no IndexedDB. */
function copyKeyOf(src: string): string | null {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return new URL(src, document.baseURI).href;
  } catch {
    return null;
  }
}

/** Removes the indentation every non-blank line shares (inline CSV indented inside HTML). */
function dedent(text: string): string {
  const lines = text.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (line.trim() === '') continue;
    indent = Math.min(indent, /^[ \t]*/.exec(line)![0].length);
  }
  return indent === Infinity || indent === 0 ? text : lines.map((line) => line.slice(indent)).join('\n');
}

/** Runs `task` when the page is idle (within 2 s), or after a short pause where there is no idle callback. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}
