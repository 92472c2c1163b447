/**
 * A part of `<station-map>` that a first view does not need (the detail panel, the chooser, a UI
 * language other than Simplified Chinese), loaded with a dynamic `import()` on first use or when the
 * browser is idle. In the script-tag bundle each becomes a file beside the main script
 * (scripts/side-files.mjs), so the script a first view evaluates stays small; npm builds split it
 * into a chunk. The host renders a placeholder until the module is in, then renders again; its
 * `updateComplete` waits for loads in flight (see {@link settleLazyModules}), so code that awaits
 * an update sees the finished panel.
 */
import type { ReactiveControllerHost } from 'lit';

/** One module loaded on first use; `get()` starts the load and returns the module once it is in. */
export class LazyModule<T> {
  private module: T | null = null;
  private pending: Promise<T | null> | null = null;
  /** The last load failed (offline, the file missing): the host may offer to try again. */
  failed = false;

  /**
   * @param importModule Loads the module (a dynamic `import()`).
   * @param onLoad Runs when it arrives, before the host renders with it (e.g. adopts its styles).
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly importModule: () => Promise<T>,
    private readonly onLoad?: (module: T) => void,
  ) {}

  /** The module, or `null` while it loads (the host updates when it arrives). */
  get(): T | null {
    if (!this.module && !this.pending && !this.failed) void this.load();
    return this.module;
  }

  /** Loads the module (once; again after a failure); resolves to it, or `null` when it failed. */
  load(): Promise<T | null> {
    this.failed = false;
    this.pending ??= this.importModule().then(
      (module) => {
        this.onLoad?.(module);
        this.module = module;
        this.host.requestUpdate();
        return module;
      },
      () => {
        this.failed = true;
        this.pending = null;
        this.host.requestUpdate();
        return null;
      },
    );
    return this.pending;
  }

  /** Starts the load when the browser is idle, so the first tap finds the module in. */
  prefetch(): void {
    if (this.module || this.pending) return;
    const start = () => void this.load();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 3000 });
    else setTimeout(start, 200);
  }

  /** A load in flight, if any. */
  get loading(): Promise<T | null> | null {
    return this.module ? null : this.pending;
  }
}

/** Resolves when none of `modules` is loading (they may start one another's render, so loop). */
export async function settleLazyModules(modules: readonly Pick<LazyModule<unknown>, 'loading'>[]): Promise<boolean> {
  let settled = false;
  for (;;) {
    const loads = modules.map((m) => m.loading).filter((p) => p !== null);
    if (loads.length === 0) return settled;
    await Promise.all(loads);
    settled = true;
  }
}
