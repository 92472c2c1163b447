#!/usr/bin/env node
/**
 * Where the bytes of the script-tag bundle go: bundles src/iife.ts with esbuild (minified, with the
 * trimmed Leaflet rollup.config.mjs uses: src/map/leaflet-trimmed.generated.js) and prints each package's and source file's minified bytes,
 * biggest first. esbuild's minifier is not terser, and this skips what rollup.config.mjs adds
 * (Lit template minification, renaming Leaflet's `_private` properties: about 2.5 KB gzip
 * together), so totals are above dist/station-map.iife.js; the shares are what matter.
 * `node bench/bundle-sizes.mjs`
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { TRIMMED_LEAFLET } from '../scripts/trim-leaflet.mjs';

const trimmed = readFileSync(new URL(`../${TRIMMED_LEAFLET}`, import.meta.url), 'utf8');
const trim = {
  name: 'trimmed-leaflet',
  setup(b) {
    b.onLoad({ filter: /leaflet-src\.esm\.js$/ }, () => ({ contents: trimmed, loader: 'js' }));
  },
};
const result = await build({
  entryPoints: [new URL('../src/iife.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'StationMapWidget',
  platform: 'browser',
  conditions: ['production'],
  target: 'es2020',
  metafile: true,
  write: false,
  outfile: 'out.js',
  logLevel: 'error',
  plugins: [trim],
});
const [output] = Object.values(result.metafile.outputs);
const groups = new Map();
for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
  const name = path.includes('node_modules/') ? path.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : path;
  groups.set(name, (groups.get(name) ?? 0) + bytesInOutput);
}
const bytes = result.outputFiles[0].contents;
console.log(`total ${(bytes.length / 1024).toFixed(1)} KB minified, ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB gzip`);
for (const [name, size] of [...groups].sort((a, b) => b[1] - a[1])) {
  if (size > 0) console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${name}`);
}
