/**
 * The script-tag bundle's Leaflet is src/map/leaflet-trimmed.generated.js, written by
 * scripts/generate-trimmed-leaflet.mjs from the table in scripts/trim-leaflet.mjs, the `L.name`s
 * src/ reads and the installed Leaflet. These tests fail when one of those changed and the file was
 * not regenerated, and when the guard against using a cut part of Leaflet in src/ stops working.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('the trimmed Leaflet', () => {
  it('is what scripts/generate-trimmed-leaflet.mjs writes from the table, src/ and the pinned Leaflet', () => {
    const result = spawnSync(process.execPath, ['scripts/generate-trimmed-leaflet.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr.trim(), 'run `npm run generate:leaflet` and commit src/map/leaflet-trimmed.generated.js').toBe('');
    expect(result.status).toBe(0);
  }, 60_000);
});

describe('the use of a cut part of Leaflet in src/', () => {
  const dir = mkdtempSync(join(tmpdir(), 'trim-leaflet-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** For each snippet, the error checkLeafletUse throws for a src/ holding only it ('' when none). */
  function check(snippets: string[]): string[] {
    snippets.forEach((code, i) => {
      mkdirSync(join(dir, String(i)), { recursive: true });
      writeFileSync(join(dir, String(i), 'use.ts'), code);
    });
    const script = `
      import { readFileSync } from 'node:fs';
      import { cutLeaflet, checkLeafletUse } from './scripts/trim-leaflet.mjs';
      const { forbidden } = cutLeaflet(readFileSync('node_modules/leaflet/dist/leaflet-src.esm.js', 'utf8'));
      const errors = JSON.parse(process.argv[1]).map((i) => {
        try { checkLeafletUse(process.argv[2] + '/' + i, forbidden); return ''; } catch (e) { return e.message; }
      });
      console.log(JSON.stringify(errors));`;
    const args = ['--input-type=module', '-e', script, JSON.stringify(snippets.map((_, i) => i)), dir];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as string[];
  }

  it('stops the build, naming the row of the table that cuts it', () => {
    const errors = check([
      'this.map.flyTo([30, 120], 12);',
      'const popup = L.popup();',
      'const crs = L.CRS.Simple;',
      "controller.map.on('locationfound', show);",
      'L.map(container, { zoomControl: true });',
      'if (L.Browser.ie) fallback();',
      'L.map(container, { preferCanvas: true, maxBounds: bounds });',
      "host.addEventListener('contextmenu', show);",
    ]);
    expect(errors[0]).toMatch(/uses map\.flyTo \(Map#flyTo\).* with Map#flyTo and flyToBounds/);
    expect(errors[1]).toMatch(/uses L\.popup, .* with popups and tooltips/);
    expect(errors[2]).toMatch(/uses CRS\.Simple, .* with the EPSG:3395, EPSG:4326 and Simple CRSs/);
    expect(errors[3]).toMatch(/uses locationfound \(Map event locationfound\)/);
    expect(errors[4]).toMatch(/uses zoomControl: \(Map option zoomControl\).* with controls/);
    expect(errors[5]).toMatch(/uses Browser\.ie, /);
    expect(errors[6]).toMatch(/uses preferCanvas: /);
    expect(errors[7]).toMatch(/uses contextmenu, .* \(TapHold makes it\)/);
  }, 60_000);

  it('leaves alone what the cuts keep, options set to false, the element\'s own methods and comments', () => {
    const errors = check([
      'const map = L.map(container, { zoomControl: false, attributionControl: false });\nmap.setView(L.latLng(30, 120), 12);',
      'if (L.Browser.mobile) this.locate();',
      '/** @example await map.locate(); // the element, not Leaflet: uses maxBounds nowhere */\nexport {};',
    ]);
    expect(errors).toEqual(['', '', '']);
  }, 60_000);
});

describe('the trimmed Leaflet as the bundle holds it (asLeafletFactory)', () => {
  /** Imports `code` made into a factory module; `globalThis.evaluations` counts runs of its body. */
  async function factoryOf(code: string): Promise<{ createLeaflet(): Record<string, unknown> }> {
    const { asLeafletFactory } = await import('../../../scripts/trim-leaflet.mjs');
    return import(`data:text/javascript,${encodeURIComponent(asLeafletFactory(code))}`);
  }
  const counter = globalThis as { evaluations?: number };

  it('runs none of Leaflet until createLeaflet() is called, then once, giving the exports by their exported names', async () => {
    counter.evaluations = 0;
    const module = await factoryOf('globalThis.evaluations++;\nvar version = "1.9.4";\nfunction toPoint(x) { return [x, version]; }\nexport { version, toPoint as point };\n');
    expect(Object.keys(module)).toEqual(['createLeaflet']);
    expect(counter.evaluations).toBe(0);
    const L = module.createLeaflet();
    expect(L.version).toBe('1.9.4');
    expect((L.point as (x: number) => unknown)(3)).toEqual([3, '1.9.4']);
    expect(module.createLeaflet()).toBe(L);
    expect(counter.evaluations).toBe(1);
  });

  it('takes the committed file, and refuses code with another import or export than its last export list', async () => {
    const { asLeafletFactory } = await import('../../../scripts/trim-leaflet.mjs');
    const trimmed = readFileSync(join(ROOT, 'src/map/leaflet-trimmed.generated.js'), 'utf8');
    expect(asLeafletFactory(trimmed)).toMatch(/return \{ DomUtil: DomUtil, latLng: toLatLng, .*point: toPoint \};/);
    expect(() => asLeafletFactory('var a = 1;')).toThrow(/one `export \{ … \};`/);
    expect(() => asLeafletFactory('export var a = 1;\nexport { a as b };')).toThrow(/no other import or export/);
    expect(() => asLeafletFactory("import x from 'y';\nexport { x };")).toThrow(/no other import or export/);
  });
});
