// Runs browser suites a second time against the files that ship. A suite imported as
// `../map.test.ts?shipped=iife` (or `=esm`) has its `import '…/src/index.js'` replaced: by a module
// that loads dist/station-map.iife.js with a <script> tag, as a government page does, or by
// dist/index.js, the ESM build an npm user gets. Everything else the suite imports (helpers, pure
// functions for expected values, types) stays as it is.

/** Where each kind of shipped file enters. */
const ENTRIES = {
  iife: '/tests/browser/shipped/load-iife.mjs',
  esm: '/dist/index.js',
};

/** @returns {import('@web/dev-server-core').Plugin} */
export function shippedBundlePlugin() {
  return {
    name: 'shipped-bundle',
    transformImport({ source, context }) {
      const kind = new URL(context.url, 'http://test').searchParams.get('shipped');
      if (!kind) return undefined;
      if (!(kind in ENTRIES)) throw new Error(`shipped=${kind}: expected one of ${Object.keys(ENTRIES).join(', ')}`);
      return /(^|\/)src\/index\.(js|ts)$/.test(source) ? ENTRIES[kind] : undefined;
    },
  };
}
