/**
 * The stations of a large `src` download drawn while it arrives. On a phone at 1.6 Mbps a
 * province's 10,000 stations (740 KB gzip) take about four seconds to download; the first
 * thousand are in after half a second. This reads the features so far (data/feature-stream.ts),
 * builds a store of them with the element's own sliced builder, and hands it over to be shown —
 * first as soon as this module is in, then every {@link PREVIEW_EVERY_MS} — until the body is
 * complete and the normal load takes over, with the features read here (not parsed again). Its
 * own file, loaded only when a body is still arriving after a while: a city's file is in before it
 * would be.
 */
import { FeatureStream } from './feature-stream.js';

/** Milliseconds of reading text before the browser gets a turn. */
const READ_SLICE_MS = 8;
/** Characters read at once: about 2 ms of scanning and `JSON.parse` on a slow phone. */
const READ_PIECE_CHARS = 32 * 1024;

/** Time between two previews, from the end of one to the start of the next. */
export const PREVIEW_EVERY_MS = 1500;
/**
 * Most stations a preview shows. Each preview builds a store of all the stations so far: past a
 * province's worth, a national file's previews every 1.5 s would keep a phone's CPU busy for a
 * view that already shows one. The features after them are still read, for the load to take.
 */
export const PREVIEW_MAX_STATIONS = 20_000;

/** What a preview needs from the element: its store builder, and a way to show the result. */
export interface StationPreviewOptions<Store> {
  /**
   * Builds a store of `collection` in time slices (the element's own builder, so no second copy
   * of it is downloaded); `null` when the features give none.
   */
  build(collection: { type: 'FeatureCollection'; features: unknown[] }, signal: AbortSignal): Promise<Store | null>;
  /** Shows a preview store (not called once {@link StationPreview.stop} was). */
  show(store: Store, count: number): void;
  /** Milliseconds between previews (default {@link PREVIEW_EVERY_MS}). */
  everyMs?: number;
  /** Most stations a preview shows (default {@link PREVIEW_MAX_STATIONS}); the text after them is still read. */
  maxStations?: number;
}

/**
 * Previews of a FeatureCollection's text as it arrives: give it each piece with {@link push},
 * then {@link finish} it with the whole text when the body is complete (or {@link stop} it when
 * the load is given up).
 *
 * @example
 * const preview = new StationPreview({ build, show: (store) => element.showPreview(store) });
 * for await (const text of body) preview.push(text);
 * const collection = (await preview.finish(wholeText)) ?? JSON.parse(wholeText);
 */
export class StationPreview<Store> {
  private readonly stream = new FeatureStream();
  private readonly features: unknown[] = [];
  /** Text taken but not read yet: the pieces that came before this module did are many. */
  private readonly queue: string[] = [];
  /** The reading of the queue running now, if any. */
  private reading: Promise<void> | null = null;
  /** Stopped: reads and shows nothing more. */
  private stopped = false;
  /** Aborted when no more previews are to be built: stopped, or finishing. */
  private readonly abort = new AbortController();
  private building = false;
  private shown = 0;
  private lastAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: StationPreviewOptions<Store>) {}

  /** Takes the next piece of the body's text; it is read in slices of a few milliseconds. */
  push(text: string): void {
    if (this.stopped) return;
    this.queue.push(text);
    if (this.reading) return;
    // In a task of its own: the pieces that came before this module did are all queued first,
    // and the first preview holds all of them.
    this.reading = new Promise((resolve) => setTimeout(resolve, 0)).then(() => this.read());
  }

  private async read(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      const deadline = performance.now() + READ_SLICE_MS;
      while (this.queue.length && performance.now() < deadline) {
        // A slow link's pieces can be hundreds of kilobytes: read at most a slice's worth at once.
        let text = this.queue[0]!;
        if (text.length > READ_PIECE_CHARS) {
          this.queue[0] = text.slice(READ_PIECE_CHARS);
          text = text.slice(0, READ_PIECE_CHARS);
        } else this.queue.shift();
        for (const feature of this.stream.push(text)) this.features.push(feature);
      }
      if (this.queue.length) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.reading = null;
    // All that arrived is read: a preview now holds all of it, not the first slice's worth.
    this.schedule();
  }

  /** No more previews: the body failed, or a newer load started. A build running stops. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
  }

  /**
   * The body is complete, and `text` is all of it: no more previews, and the document with the
   * features read so far (see {@link FeatureStream.collection}) once the last pieces are read —
   * so the load does not parse megabytes of them again (~0.3 s of a province's file on a slow
   * phone, a few seconds of a national one). `null` when this does not hold all of them (stopped,
   * a text it did not follow): the load then parses the text.
   */
  async finish(text: string): Promise<Record<string, unknown> | null> {
    clearTimeout(this.timer);
    this.abort.abort();
    while (this.reading) await this.reading;
    if (this.stopped) return null;
    this.stopped = true;
    return this.stream.collection(text, this.features);
  }

  private get maxShown(): number {
    return this.options.maxStations ?? PREVIEW_MAX_STATIONS;
  }

  private schedule(): void {
    const next = Math.min(this.features.length, this.maxShown);
    if (this.abort.signal.aborted || this.building || this.timer !== undefined || next <= this.shown) return;
    const wait = this.lastAt + (this.options.everyMs ?? PREVIEW_EVERY_MS) - performance.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.schedule();
      }, wait);
      return;
    }
    void this.preview();
  }

  private async preview(): Promise<void> {
    const { signal } = this.abort;
    const count = Math.min(this.features.length, this.maxShown);
    this.building = true;
    let store: Store | null = null;
    try {
      store = await this.options.build({ type: 'FeatureCollection', features: this.features.slice(0, count) }, signal);
    } catch {
      // Stopped, or features the builder refuses: the full load reports what is wrong.
    }
    this.building = false;
    if (signal.aborted) return;
    if (store) this.options.show(store, count);
    this.shown = count;
    this.lastAt = performance.now();
    this.schedule();
  }
}
