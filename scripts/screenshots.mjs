// Takes screenshots of the demo in each main state, on a desktop (1280×800) and a phone
// (360×740), into docs/screenshots/. Needs a built dist/ (npm run build) and /usr/bin/chromium.
// Tiles cannot load offline, so the pictures show the widget's own "tiles failed" notice.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const port = 8000 + Math.floor(Math.random() * 1000);
const server = spawn(process.execPath, ['demo/serve.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));
mkdirSync('docs/screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

// `SHOTS=chooser,print npm run screenshots` retakes only the pictures whose names contain one of the words.
const only = process.env.SHOTS?.split(',').filter(Boolean);

async function shoot(name, viewport, steps, options = {}) {
  if (only && !only.some((word) => name.includes(word))) return;
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: options.colorScheme ?? 'light' });
  await page.goto(`http://127.0.0.1:${port}/demo/`);
  await page.waitForFunction(() => document.querySelector('station-map')?.shadowRoot?.querySelectorAll('.leaflet-marker-icon').length > 0);
  if (viewport === PHONE) await page.evaluate(() => document.querySelector('station-map').scrollIntoView());
  await steps?.(page);
  await page.waitForTimeout(700);
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
  await page.close();
  console.log(`docs/screenshots/${name}.png`);
}

const inElement = (page, fn, arg) => page.evaluate(fn, arg);
const openSheet = (page) => inElement(page, () => document.querySelector('station-map').shadowRoot.querySelector('.sheet-toggle').click());
const openDetail = (page) =>
  inElement(page, () => {
    const map = document.querySelector('station-map');
    map.setAttribute('origin', '117.1268,36.1937');
    map.select('TA-0003');
  });
const filter = (page) =>
  inElement(page, () => {
    const map = document.querySelector('station-map');
    map.setAttribute('origin', '117.1268,36.1937');
    map.filter = { types: ['union-station'], services: ['water'], openNow: true };
  });
const route = (page) =>
  inElement(page, async () => {
    const map = document.querySelector('station-map');
    map.setAttribute('origin', '117.1268,36.1937');
    map.select('TA-0008');
    await map.routeTo('TA-0008');
  });
const error = (page) => inElement(page, () => document.querySelector('station-map').setAttribute('src', 'data/missing.geojson'));

for (const [suffix, viewport, before] of [
  ['desktop', DESKTOP, null],
  ['mobile', PHONE, openSheet],
]) {
  await shoot(`${suffix}`, viewport, viewport === PHONE ? null : undefined);
  if (viewport === PHONE) await shoot(`${suffix}-list`, viewport, before);
  await shoot(`${suffix}-filter`, viewport, async (page) => {
    await before?.(page);
    await filter(page);
  });
  await shoot(`${suffix}-detail`, viewport, openDetail);
  await shoot(`${suffix}-route`, viewport, route);
  await shoot(`${suffix}-error`, viewport, async (page) => {
    await before?.(page);
    await error(page);
  });
}
await shoot('desktop-dark', DESKTOP, openDetail, { colorScheme: 'dark' });
const coverage = (page) =>
  inElement(page, () => {
    const map = document.querySelector('station-map');
    map.setAttribute('center', '117.115,36.205');
    map.setAttribute('zoom', '13');
    map.coverage = 15;
  });
await shoot('desktop-coverage', DESKTOP, coverage);
await shoot('mobile-coverage', PHONE, coverage);
const place = async (page) => {
  await openSheet(page);
  await inElement(page, () => {
    const input = document.querySelector('station-map').shadowRoot.querySelector('input.search');
    input.value = '泰安站';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
  await page.waitForTimeout(800);
};
await shoot('desktop-search', DESKTOP, place);
await shoot('mobile-search', PHONE, place);
// A 职工服务中心 with a 工会驿站 and an 爱心妈咪小屋 at one address: its marker opens the chooser.
const chooser = (page) =>
  inElement(page, async () => {
    const map = document.querySelector('station-map');
    const data = await (await fetch(map.getAttribute('src'))).json();
    const at = [117.1195, 36.1985];
    const building = [
      ['SC-0101', '泰山区职工服务中心', 'service-center'],
      ['US-0101', '东岳大街工会驿站', 'union-station'],
      ['MR-0101', '职工服务中心爱心妈咪小屋', 'mommy-room'],
    ].map(([id, name, type]) => ({ type: 'Feature', id, geometry: { type: 'Point', coordinates: at }, properties: { name, type, address: '泰山区东岳大街 1 号' } }));
    const loaded = new Promise((resolve) => map.addEventListener('stations-load', resolve, { once: true }));
    map.stations = { type: 'FeatureCollection', features: [...data.features, ...building] };
    await loaded;
    map.setAttribute('center', at.join(','));
    map.setAttribute('zoom', '16');
    await new Promise((r) => setTimeout(r, 800));
    const root = map.shadowRoot;
    [...root.querySelectorAll('.sm-cluster')].find((c) => c.textContent.trim() === '3')?.click();
  });
await shoot('desktop-chooser', DESKTOP, chooser);
await shoot('mobile-chooser', PHONE, chooser);
// The printable card of a station, as the preview over the element (the print itself: only the card).
const printCard = async (page) => {
  await page.evaluate(() => (window.print = () => {}));
  await openDetail(page);
  await page.waitForTimeout(400);
  await inElement(page, () => document.querySelector('station-map').shadowRoot.querySelector('.detail button.print').click());
};
await shoot('desktop-print', DESKTOP, printCard);
await shoot('mobile-print', PHONE, async (page) => {
  await openSheet(page);
  await printCard(page);
});
await shoot('desktop-share', DESKTOP, async (page) => {
  await openDetail(page);
  await page.waitForTimeout(300);
  await inElement(page, () => document.querySelector('station-map').shadowRoot.querySelector('.detail .actions').scrollIntoView());
});
// The reader's browser text size at 200 % (rem doubles), detail open (适老化).
const largeText = async (page) => {
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  await openDetail(page);
};
await shoot('mobile-large-text', PHONE, largeText);
await shoot('desktop-large-text', DESKTOP, largeText);
await browser.close();
server.kill();
