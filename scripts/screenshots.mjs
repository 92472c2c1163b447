// Takes screenshots of the demo in headless Chromium (desktop 1280×800 and phone 360×740) into
// docs/screenshots/. Needs a built dist/ (npm run build) and /usr/bin/chromium.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const port = 8000 + Math.floor(Math.random() * 1000);
const server = spawn(process.execPath, ['demo/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
mkdirSync('docs/screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

async function shoot(name, viewport, steps) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${port}/demo/`);
  await page.waitForFunction(() => document.querySelector('station-map')?.shadowRoot?.querySelectorAll('.leaflet-marker-icon').length > 0);
  await steps?.(page);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  await page.close();
  console.log(`docs/screenshots/${name}.png`);
}

const openDetail = async (page) => {
  await page.evaluate(() => {
    const map = document.querySelector('station-map');
    map.setAttribute('origin', '117.1268,36.1937');
    map.select('TA-0003');
  });
};
await shoot('desktop', { width: 1280, height: 800 });
await shoot('desktop-detail', { width: 1280, height: 800 }, openDetail);
await shoot('mobile', { width: 360, height: 740 });
await shoot('mobile-detail', { width: 360, height: 740 }, openDetail);
await browser.close();
server.kill();
