/**
 * The side panel as a bottom sheet on phones: a tap on its handle toggles it, a drag up opens it
 * and a drag down closes it, like the sheets of the phone's own map apps.
 */
import type { ReactiveControllerHost } from 'lit';

/**
 * Owns whether the bottom sheet of one `<station-map>` is open. Nothing to set up or tear down,
 * so it only asks its host to update and is not registered as a reactive controller.
 */
export class BottomSheetController {
  private isOpen = false;
  private drag: { y: number; moved: boolean } | null = null;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** The sheet is pulled up (on wide screens the panel is always shown). */
  get open(): boolean {
    return this.isOpen;
  }

  set open(open: boolean) {
    if (open === this.isOpen) return;
    this.isOpen = open;
    this.host.requestUpdate();
  }

  handlePointerDown = (event: PointerEvent): void => {
    this.drag = { y: event.clientY, moved: false };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
  };

  handlePointerMove = (event: PointerEvent): void => {
    const drag = this.drag;
    if (!drag || Math.abs(event.clientY - drag.y) < 24) return;
    drag.moved = true;
    this.open = event.clientY < drag.y;
  };

  handlePointerUp = (): void => {
    // The click that follows a drag must not toggle the sheet back.
    if (this.drag?.moved) setTimeout(() => (this.drag = null));
    else this.drag = null;
  };

  handlePointerCancel = (): void => {
    this.drag = null;
  };

  handleClick = (): void => {
    if (this.drag?.moved) return;
    this.open = !this.open;
  };
}
