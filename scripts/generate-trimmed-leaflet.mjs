#!/usr/bin/env node
// Writes src/map/leaflet-trimmed.generated.js: Leaflet's ESM source without the parts the table in
// scripts/trim-leaflet.mjs cuts, exporting only the `L.name`s src/ reads. The file is committed, so
// every change to the cut is a diff to review; the script-tag bundle is built from it.
//   node scripts/generate-trimmed-leaflet.mjs           write it (npm run generate:leaflet)
//   node scripts/generate-trimmed-leaflet.mjs --check   exit 1 when it is not what this would write (the unit test)
// Either way it fails when the installed Leaflet is not the one the cuts were made against, an anchor
// is gone, or src/ uses a part the table cuts.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTrimmedLeaflet } from './trim-leaflet.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { path, relativePath, fresh, expected } = checkTrimmedLeaflet(root);
if (process.argv.includes('--check')) {
  if (!fresh) {
    console.error(`${relativePath} is not what scripts/generate-trimmed-leaflet.mjs writes now: run \`npm run generate:leaflet\` and commit it`);
    process.exit(1);
  }
} else if (fresh) {
  console.log(`${relativePath} is up to date`);
} else {
  writeFileSync(path, expected);
  console.log(`trimmed leaflet: ${expected.length} bytes → ${relativePath}`);
}
