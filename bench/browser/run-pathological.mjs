#!/usr/bin/env node
/**
 * Only the pathological-input rows of the Chromium bench (issue 22), without the national-scale
 * runs: `node bench/browser/run-pathological.mjs [--quick]` after `npm run build`.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { measurePathological, startServer } from './run-browser.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const rows = await measurePathological(browser, `http://127.0.0.1:${server.address().port}`, process.argv.includes('--quick'), (m) => process.stderr.write(`${m}\n`));
  for (const row of rows) console.log(`${row.id}\t${row.ours === null ? '-' : row.ours.toFixed(1)} ms\t${row.note ?? ''}\t${JSON.stringify(row.extra)}`);
} finally {
  await browser.close();
  server.close();
}
