/** Helpers shared by the reliability tests (faults, hostile data, lifecycle, many instances). */
import type { StationMap } from '../../../src/station-map.js';

/** Waits until the async `check` resolves truthy, polling every 50 ms (rejects after `ms`). */
export async function waitForAsync<T>(
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 8000,
  what = 'condition',
): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What the test server saw of the request tagged `?key=`: 'open', 'finished', 'aborted' or null. */
export async function serverState(key: string): Promise<string | null> {
  const response = await fetch(`/test-api/fault/log?key=${encodeURIComponent(key)}`);
  return ((await response.json()) as { state: string | null }).state;
}

/** A key no other test (or earlier run against the same server) has used. */
export function uniqueKey(name: string): string {
  return `${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Adds a sized `<station-map>` with `attributes` to the page (not yet loaded). */
export function mount(attributes: Record<string, string>, options: { width?: number; height?: number } = {}): StationMap {
  const host = document.createElement('div');
  host.className = 'fixture';
  host.style.width = `${options.width ?? 900}px`;
  const el = document.createElement('station-map') as StationMap;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.height = `${options.height ?? 400}px`;
  host.append(el);
  document.body.append(host);
  return el;
}

/** Text of the element's alert (error message), or '' when none is shown. */
export function alertText(el: StationMap): string {
  return el.shadowRoot?.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Text of the status line ("3 stations", "Loading…"). */
export function statusText(el: StationMap): string {
  return el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
}

/** Names shown in the station list, in order. */
export function listNames(el: StationMap): string[] {
  return [...(el.shadowRoot?.querySelectorAll('[part="list-item"]') ?? [])].map((row) => row.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

/**
 * Runs `body` with timers of `fromMs` or more shortened to `toMs`, so a test can reach a 10 or 15 s
 * timeout in a fraction of a second. Only timers of exactly those long delays are touched.
 */
export async function withShortTimeouts<T>(fromMs: number, toMs: number, body: () => Promise<T>): Promise<T> {
  const original = window.setTimeout;
  window.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) =>
    original(handler, timeout !== undefined && timeout >= fromMs ? toMs : timeout, ...args)) as typeof window.setTimeout;
  try {
    return await body();
  } finally {
    window.setTimeout = original;
  }
}

/**
 * Runs `body` while errors thrown by page listeners are caught and kept instead of failing the
 * test (the browser reports a listener's exception to window.onerror, which mocha treats as a
 * failure of the running test).
 */
export async function withListenerErrors<T>(body: (errors: string[]) => Promise<T>): Promise<T> {
  const errors: string[] = [];
  const handleError = (event: ErrorEvent) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    errors.push(String(event.message));
  };
  // Capture phase on window runs before mocha's own (bubble) handler.
  window.addEventListener('error', handleError, true);
  const onerror = window.onerror;
  window.onerror = () => true;
  try {
    return await body(errors);
  } finally {
    window.removeEventListener('error', handleError, true);
    window.onerror = onerror;
  }
}
