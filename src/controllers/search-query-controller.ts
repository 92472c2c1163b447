/**
 * The text in the search box and the pause before the filter follows it: a pause in typing, not
 * every keystroke, re-filters 100,000 stations. A filter the page sets shows in the box; one the
 * user is typing is left alone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Owns the search box text of one `<station-map>`. */
export class SearchQueryController implements ReactiveController {
  private text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fromUser = false;

  /** @param onPause - Applies the text to the filter once typing pauses. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onPause: () => void,
  ) {
    host.addController(this);
  }

  /** Text in the search box; the filter follows it after a short pause. */
  get query(): string {
    return this.text;
  }

  set query(query: string) {
    if (query === this.text) return;
    this.text = query;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The user typed: the filter follows after a pause. */
  input(query: string): void {
    this.query = query;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onPause(), 250);
  }

  /** Drops a pending pause. */
  cancel(): void {
    clearTimeout(this.timer);
  }

  /** The next `filter` change comes from the user, so the box keeps what is typed. */
  markFromUser(): void {
    this.fromUser = true;
  }

  /** Called when `filter` changed: a filter set by the page shows in the box. */
  syncFromFilter(text: string | undefined): void {
    if (!this.fromUser) this.query = text ?? '';
    this.fromUser = false;
  }
}
