// How every tool here launches Debian's Chromium (tests, benchmarks, screenshots): one list, so
// a flag that keeps the browser off the network is never missing from one of them.

/** Path of the browser; CHROME_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags for headless runs as root, with no network but this machine. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // Every outside host (tiles, Tianditu) fails at once: nothing ever waits on the network.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];
