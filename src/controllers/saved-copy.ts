/**
 * The last station file fetched from each `src` URL, kept in IndexedDB so a rider on a weak or
 * no network still sees stations (with a note of their age). IndexedDB rather than Cache
 * Storage: government pages are often served over plain http, where `caches` does not exist.
 * Every failure here (private mode, quota, a blocked database) means "no copy", never an error.
 */

/** A saved copy of a `src` file. */
export interface SavedCopy {
  /** The file as fetched: its text, or its bytes for a table (CSV in GBK stays bytes until it is read). */
  text: string | Uint8Array;
  /** When it was saved, ms since the epoch. */
  savedAt: number;
}

const DB_NAME = 'station-map';
const STORE = 'src-copies';

let opening: Promise<IDBDatabase | null> | null = null;

function openDatabase(): Promise<IDBDatabase | null> {
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

async function run<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | undefined> {
  const db = await openDatabase();
  if (!db) return undefined;
  return new Promise<T | undefined>((resolve) => {
    try {
      const request = use(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** Saves `text` as the copy of `url` (an absolute URL: the key). */
export async function saveCopy(url: string, text: string | Uint8Array, savedAt = Date.now()): Promise<void> {
  await run('readwrite', (store) => store.put({ text, savedAt } satisfies SavedCopy, url));
}

/** The saved copy of `url`, or `null`. */
export async function readCopy(url: string): Promise<SavedCopy | null> {
  const copy = (await run('readonly', (store) => store.get(url))) as SavedCopy | undefined;
  return copy && (typeof copy.text === 'string' || copy.text instanceof Uint8Array) && typeof copy.savedAt === 'number' ? copy : null;
}
