// Prints the size of every built file. With --enforce it fails when the script-tag bundle is over
// its budget: 80 KB gzip for the script a first view evaluates (Leaflet, Lit, all CSS, our code).
// The side files beside it (`station-map.<part>.js`, loaded on first use) are measured and
// reported, not capped. `npm test`, and so CI, runs it that way after the build (`npm run size`
// too); the build itself only prints.
// `node bench/bundle-sizes.mjs` shows where the bytes go.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 80 * 1024;
const dist = new URL('../dist/', import.meta.url).pathname;

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.js')) yield path;
  }
}

let iifeGzip = 0;
let sideGzip = 0;
let sideCount = 0;
for (const file of walk(dist)) {
  const bytes = readFileSync(file);
  const gz = gzipSync(bytes, { level: 9 }).length;
  if (file.endsWith('station-map.iife.js')) iifeGzip = gz;
  else if (/\/station-map\.[^/]+\.js$/.test(file)) (sideGzip += gz), sideCount++;
  console.log(`${file.slice(dist.length).padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(6)} KB gzip`);
}
if (!iifeGzip) {
  console.error('dist/station-map.iife.js is missing: run `npm run build` first');
  process.exit(1);
}
const summary = `station-map.iife.js: ${(iifeGzip / 1024).toFixed(1)} KB gzip (${iifeGzip} bytes; budget ${BUDGET_GZIP / 1024} KB = ${BUDGET_GZIP} bytes)`;
if (iifeGzip > BUDGET_GZIP && process.argv.includes('--enforce')) {
  console.error(`${summary}: over budget. \`node bench/bundle-sizes.mjs\` lists what each module adds`);
  process.exit(1);
}
if (iifeGzip > BUDGET_GZIP) console.warn(`${summary}: OVER the 80 KB budget`);
else console.log(summary);
console.log(`side files loaded on first use: ${sideCount}, ${(sideGzip / 1024).toFixed(1)} KB gzip together; all parts ${((iifeGzip + sideGzip) / 1024).toFixed(1)} KB gzip`);
