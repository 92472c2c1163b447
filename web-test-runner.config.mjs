// Browser tests: the element in real headless Chromium (Debian's /usr/bin/chromium; browsers
// cannot be downloaded here). The test server also plays the failing hosts the tests need.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { cdpPlugin } from './tests/browser/server/cdp-plugin.mjs';
import { geocoderRoutes } from './tests/browser/server/geocoder-routes.mjs';
import { geolocationPlugin } from './tests/browser/server/geolocation-plugin.mjs';
import { cspRoutesMiddleware } from './tests/browser/server/csp-routes.mjs';
import { faultRoutesMiddleware } from './tests/browser/server/fault-routes.mjs';
import { shippedBundlePlugin } from './tests/browser/server/shipped-bundle-plugin.mjs';
import { testServerMiddleware } from './tests/browser/server/test-server.mjs';
import { tileRoutesMiddleware } from './tests/browser/server/tile-routes.mjs';

export default {
  // shipped/*.test.js run the map, gesture, keyboard, selection, teardown and host suites again
  // against dist/station-map.iife.js and dist/index.js (build first: `npm test` does).
  files: ['tests/browser/**/*.test.ts', 'tests/browser/shipped/*.test.js'],
  nodeResolve: true,
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180000,
  // One retry: CI runs on a shared, noisy machine, where a test that waits for a frame or a slice
  // of work can lose the race with a neighbour once. A test that fails twice fails the run.
  testFramework: { config: { timeout: 20000, retries: 1 } },
  middleware: [cspRoutesMiddleware, faultRoutesMiddleware, geocoderRoutes, tileRoutesMiddleware, testServerMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' }), geolocationPlugin(), cdpPlugin(), shippedBundlePlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
};
