/**
 * `deep-link` for `<station-map>`: selects the station of the page's `#station=ID` and writes the
 * selection back into the fragment as it changes (`history.replaceState`, so Back still leaves the
 * page). The share and print actions are in controllers/station-actions.ts, loaded with the detail
 * panel.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStationHash, writeStationHash } from '../ui/station-link.js';

/** What the controller reads from the element. */
export interface DeepLinkHost extends ReactiveControllerHost, HTMLElement {
  deepLink: boolean;
  selected: string | null;
}

export class DeepLinkController implements ReactiveController {
  /** The selection the hash was last written for (`undefined`: deep-link off). */
  private hashFor: string | null | undefined = undefined;

  constructor(private readonly host: DeepLinkHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.handleHashChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  hostUpdated(): void {
    // `selected` follows every selection (and is cleared with it): the hash follows `selected`,
    // when it changes only. Written on every render, a render between the page setting the hash
    // and its `hashchange` would put the old selection back before it was read.
    const selected = this.host.deepLink ? this.host.selected : undefined;
    if (selected === this.hashFor) return;
    this.hashFor = selected;
    if (selected !== undefined) this.writeHash(selected);
  }

  /** Selects the station of the page's `#station=ID` (call when `deep-link` turns on). */
  readHash(): void {
    const id = readStationHash(location.hash);
    if (id) this.host.selected = id;
  }

  private readonly handleHashChange = (): void => {
    if (!this.host.deepLink) return;
    const id = readStationHash(location.hash);
    if (id !== this.host.selected) this.host.selected = id;
  };

  private writeHash(id: string | null): void {
    const hash = writeStationHash(location.hash, id);
    if (hash === location.hash || (hash === '' && location.hash === '#')) return;
    // replaceState: a selection is no page of its own, so Back still leaves the page.
    history.replaceState(history.state, '', hash || `${location.pathname}${location.search}`);
  }
}
