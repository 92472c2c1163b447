#!/usr/bin/env node
/**
 * Only the pathological-input rows of the Chromium bench (issue 22), without the national-scale
 * runs: `node bench/browser/run-pathological.mjs [--quick]` after `npm run build`. Prints each row
 * with PASS (no main-thread task over 200 ms, the expected result) or FAIL, and its growth
 * exponent against the size before; exits non-zero when a row fails.
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { MAX_TASK_MS, measurePathological, startServer } from './run-browser.mjs';

const server = await startServer();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
let failed = 0;
try {
  const rows = await measurePathological(browser, `http://127.0.0.1:${server.address().port}`, process.argv.includes('--quick'), (m) => process.stderr.write(`${m}\n`));
  console.log(['result', 'row', 'time', 'longest task', 'growth', 'note'].join('\t'));
  for (const row of rows) {
    if (!row.pass) failed++;
    const { longestTaskMs, growthExponent } = row.extra;
    console.log(
      [
        row.pass ? 'PASS' : 'FAIL',
        row.id,
        row.ours === null ? '-' : `${row.ours.toFixed(0)} ms`,
        longestTaskMs === undefined ? '-' : `${longestTaskMs.toFixed(0)} ms`,
        growthExponent ?? '-',
        row.note,
      ].join('\t'),
    );
  }
  console.log(`${rows.length - failed} of ${rows.length} rows pass (no main-thread task over ${MAX_TASK_MS} ms, the expected result)`);
} finally {
  await browser.close();
  server.close();
}
process.exitCode = failed ? 1 : 0;
