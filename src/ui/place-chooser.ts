/**
 * Where the chooser of stations that share one spot sits over the map, and its arrow keys: part of
 * the chooser's side file (see StationChooserController), as only pages with such spots need it.
 */
import type { StationGroup } from '../map/station-layer.js';

/** Width of the chooser in px (its CSS `width`), to keep it inside the map. */
const CHOOSER_WIDTH = 280;
/** Gap between the marker and the chooser in px. */
const GAP = 26;

/** Puts `chooser` beside the marker of `group`, inside the map; `focus` moves focus to its first row. */
export function placeChooser(chooser: HTMLElement, group: StationGroup, focus: boolean): void {
  // Set through the CSSOM (a strict CSP blocks style attributes): beside the marker, inside the map.
  const { point, mapSize } = group;
  const width = Math.min(CHOOSER_WIDTH, mapSize.width - 16);
  chooser.style.width = `${width}px`;
  chooser.style.left = `${Math.max(8, Math.min(point.x - width / 2, mapSize.width - width - 8))}px`;
  const below = point.y < mapSize.height / 2;
  chooser.style.top = below ? `${Math.min(point.y + GAP, mapSize.height - 80)}px` : '';
  chooser.style.bottom = below ? '' : `${Math.max(8, mapSize.height - point.y + GAP + 14)}px`;
  chooser.style.maxHeight = `${Math.max(120, below ? mapSize.height - point.y - GAP - 8 : point.y - GAP - 22)}px`;
  if (focus) chooser.querySelector<HTMLElement>('button.choice')?.focus({ preventScroll: true });
}

/**
 * Keys inside the chooser: Escape calls `close`, arrows move between rows. Returns true when the
 * key was the chooser's.
 */
export function handleChooserKey(event: KeyboardEvent, close: () => void): boolean {
  const target = event.composedPath()[0] as HTMLElement | undefined;
  const chooser = target?.closest?.('.chooser');
  if (!chooser) return false;
  if (event.key === 'Escape') {
    close();
    return true;
  }
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  const rows = [...chooser.querySelectorAll<HTMLElement>('button.choice')];
  const at = rows.indexOf(target!);
  if (at < 0) return false;
  rows[Math.max(0, Math.min(rows.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
  return true;
}
