/**
 * Sharing a station's link: the system share sheet (Web Share API) where the browser has one,
 * else the clipboard, else the old `execCommand('copy')` for pages where the Clipboard API is
 * blocked (an insecure origin, a WebView without the permission). Loaded on the first share.
 */

/** What happened: shared, copied, the user closed the share sheet, or nothing worked. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled' | 'failed';

/**
 * Shares `{ title, text, url }` through the share sheet, or copies `url` where there is none.
 *
 * @example await shareLink({ title: '红门工会驿站', text: '红门工会驿站，红门路 1 号', url }) // → 'copied' on a desktop
 */
export async function shareLink(data: { title: string; text: string; url: string }): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function' && (!navigator.canShare || navigator.canShare(data))) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') return 'cancelled';
      // Not allowed here (no user activation, a policy): copy instead.
    }
  }
  return (await copyText(data.url)) ? 'copied' : 'failed';
}

/** Copies `text` to the clipboard; `false` when the page may not. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let copied: boolean;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}
