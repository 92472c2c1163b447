// Installs the package the way a user gets it and checks it works there: `npm pack`, a fresh
// project in a temp folder, `npm install <tarball>` (lit and leaflet from the registry), then plain
// Node and tsc against what was installed. Catches what tests inside the repo cannot: a file left
// out of "files", an export pointing nowhere, types that only resolve through the repo's paths.
//
// Run after `npm run build` (it builds nothing): npm run test:pack. `--keep` keeps the temp folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const keep = process.argv.includes('--keep');
const started = Date.now();
const results = [];

function record(name, ok, detail = '') {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `: ${detail}` : ''}`);
}

/** Runs a check; a thrown error (or a failed command's output) is the failure reason. */
function check(name, fn) {
  try {
    const detail = fn();
    record(name, true, typeof detail === 'string' ? detail : '');
  } catch (error) {
    const output = [error.stdout, error.stderr].filter(Boolean).map(String).join('\n').trim();
    record(name, false, output || error.message);
  }
}

function run(cmd, args, cwd, options = {}) {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** GBK bytes of `text`, by asking Node's GB18030 decoder which two bytes give each character (the test CSV's few). */
function encodeGbk(text) {
  const decoder = new TextDecoder('gb18030');
  const table = new Map();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  const bytes = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...table.get(ch));
  }
  return new Uint8Array(bytes);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

for (const file of ['dist/index.js', 'dist/core.js', 'dist/station-map.iife.js', 'dist/custom-elements.json']) {
  if (!existsSync(join(root, file))) {
    console.error(`FAIL  ${file} is missing: run \`npm run build\` first`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'station-map-pack-'));
const app = join(work, 'app');
let tarball = '';
let packed = [];

// ——— the tarball ———

check('npm pack', () => {
  const out = run(npm, ['pack', '--json', '--pack-destination', work], root);
  const info = JSON.parse(out.slice(out.indexOf('[')))[0];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path);
  return `${info.filename}, ${packed.length} files, ${(info.size / 1024).toFixed(0)} KB packed, ${(info.unpackedSize / 1024).toFixed(0)} KB unpacked`;
});

check('tarball holds only dist/, types, README, LICENSE, manifest and schema', () => {
  const allowed = /^(dist\/.+|schema\/station-collection\.schema\.json|package\.json|README\.md|LICENSE)$/;
  const stray = packed.filter((p) => !allowed.test(p) || /(^|\/)(tests?|__tests__|fixtures)\//.test(p) || /\.test\./.test(p));
  if (stray.length) throw new Error(`unexpected files: ${stray.join(', ')}`);
  const needed = [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/core.js',
    'dist/core.d.ts',
    'dist/cli.js',
    'dist/station-map.iife.js',
    // Side files the script-tag bundle loads on first use, beside it (scripts/side-files.mjs).
    'dist/station-map.qr-path.js',
    'dist/station-map.place-search-session.js',
    'dist/custom-elements.json',
    'schema/station-collection.schema.json',
    'README.md',
    'LICENSE',
  ];
  const missing = needed.filter((p) => !packed.includes(p));
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
});

check('every file named in package.json exports is in the tarball', () => {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) if (pkg[field]) walk(pkg[field]);
  const missing = [...new Set(targets)].filter((t) => !packed.includes(t));
  if (missing.length) throw new Error(`not packed: ${missing.join(', ')}`);
});

check('no stale chunks: every dist/chunks file is imported by another dist file', () => {
  const chunks = packed.filter((p) => /^dist\/chunks\/.+\.js$/.test(p));
  const code = packed
    .filter((p) => p.endsWith('.js') && !p.startsWith('dist/chunks/'))
    .concat(chunks)
    .map((p) => [p, readFileSync(join(root, p), 'utf8')]);
  const orphans = chunks.filter((chunk) => {
    const name = chunk.slice('dist/chunks/'.length);
    return !code.some(([p, text]) => p !== chunk && text.includes(name));
  });
  if (orphans.length) throw new Error(`not imported by anything: ${orphans.join(', ')} (build without cleaning dist?)`);
  return `${chunks.length} chunk(s)`;
});

check("the command's .xlsx reader (fflate) is in dist/cli.js only, never in a page's bundle", () => {
  const pages = packed.filter((p) => p.endsWith('.js') && p !== 'dist/cli.js');
  const holders = pages.filter((p) => /\bfflate\b|unzipSync|sharedStrings\.xml/.test(readFileSync(join(root, p), 'utf8')));
  if (holders.length) throw new Error(`found in ${holders.join(', ')}`);
  if (!/from 'fflate'/.test(readFileSync(join(root, 'dist/cli.js'), 'utf8'))) throw new Error('dist/cli.js does not import fflate');
  if (!pkg.dependencies?.fflate) throw new Error('fflate is not a dependency: npx station-map would not find it');
});

// ——— a fresh project ———

check('npm install <tarball> in a fresh project', () => {
  run('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-test-app', private: true, type: 'module' }, null, 2));
  run(npm, ['install', tarball, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], app, { timeout: 120_000 });
  if (!existsSync(join(app, 'node_modules/station-map/package.json'))) throw new Error('station-map is not in node_modules');
});

const installed = existsSync(join(app, 'node_modules/station-map/package.json'));
const node = (name, source) => {
  writeFileSync(join(app, name), source);
  return run(process.execPath, [name], app, { timeout: 30_000 }).trim();
};

if (installed) {
  check("import('station-map') in Node without window/document", () =>
    node(
      'import-element.mjs',
      `// window and document stay undefined, as in Node, but every read of them while the modules
// are evaluated is recorded with the reading file. Any use would throw and fail the import; a
// read from station-map's own files fails too, even a harmless presence check. (Lit's Node build
// checks \`globalThis.document === undefined\` once; that is its business.)
const reads = [];
for (const name of ['window', 'document']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const frame = new Error().stack.split('\\n').slice(2).find((line) => line.includes('file://')) ?? '?';
      reads.push({ name, frame: frame.trim() });
      return undefined;
    },
  });
}
const mod = await import('station-map');
if (typeof mod.StationMap !== 'function') throw new Error('StationMap is not exported');
const own = reads.filter((r) => r.frame.includes('/node_modules/station-map/'));
if (own.length) throw new Error('station-map read ' + own.map((r) => r.name + ' at ' + r.frame).join('; '));
const others = [...new Set(reads.map((r) => r.name + ' (' + (/node_modules\\/([^/]+)/.exec(r.frame)?.[1] ?? '?') + ')'))];
const registered = globalThis.customElements?.get?.('station-map') === mod.StationMap;
console.log('StationMap exported' + (registered ? ', <station-map> registered' : '') + (others.length ? '; presence checks by dependencies: ' + others.join(', ') : ''));
`,
    ),
  );

  const coreCheck = `const { parseStations, nearestStations } = await import('station-map/core');
const { stations, skipped } = parseStations({ type: 'FeatureCollection', features: [
  { type: 'Feature', id: 'TA-0391', geometry: { type: 'Point', coordinates: [117.13, 36.212] }, properties: { name: '红门工会驿站' } },
  { type: 'Feature', id: 'JN-0007', geometry: { type: 'Point', coordinates: [117.0, 36.65] }, properties: { name: '济南职工服务站' } },
  { type: 'Feature', geometry: null, properties: { name: 'broken' } },
] });
if (stations.length !== 2 || skipped.length !== 1) throw new Error('parseStations: ' + stations.length + ' stations, ' + skipped.length + ' skipped');
const near = nearestStations(stations, 117.12, 36.2, 2);
const ids = near.map((r) => r.station.id).join(',');
const first = Math.round(near[0].distanceMeters);
if (ids !== 'TA-0391,JN-0007' || !(first > 1000 && first < 2000)) throw new Error('nearestStations gave ' + ids + ' at ' + first + ' m');
const result = ids + ', nearest ' + first + ' m';`;

  check("import('station-map/core') computes nearestStations", () =>
    node('core.mjs', `for (const name of ['window', 'document']) Object.defineProperty(globalThis, name, { get() { throw new Error(name + ' touched'); } });\n${coreCheck}\nconsole.log(result);\n`),
  );

  check('station-map/core in a worker_threads Worker', () => {
    writeFileSync(join(app, 'core-worker.mjs'), `import { parentPort } from 'node:worker_threads';\n${coreCheck}\nparentPort.postMessage(result);\n`);
    return node(
      'worker.mjs',
      `import { Worker } from 'node:worker_threads';
const worker = new Worker(new URL('./core-worker.mjs', import.meta.url));
const message = await new Promise((resolve, reject) => {
  worker.once('message', resolve);
  worker.once('error', reject);
  worker.once('exit', (code) => reject(new Error('worker exited with ' + code)));
});
await worker.terminate();
console.log('worker: ' + message);
`,
    );
  });

  check('custom-elements.json lists <station-map>', () =>
    node(
      'manifest.mjs',
      `import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const pkgPath = require.resolve('station-map/package.json');
const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
if (!pkg.customElements) throw new Error('package.json has no "customElements" field');
const manifest = JSON.parse(readFileSync(new URL(pkg.customElements, 'file://' + pkgPath), 'utf8'));
const viaExport = JSON.parse(readFileSync(require.resolve('station-map/custom-elements.json'), 'utf8'));
const el = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'station-map');
if (!el) throw new Error('no declaration with tagName station-map');
if (JSON.stringify(viaExport) !== JSON.stringify(manifest)) throw new Error('the ./custom-elements.json export is another file');
const define = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition' && e.name === 'station-map');
if (!define) throw new Error('no custom-element-definition export');
console.log(el.name + ': ' + el.attributes.length + ' attributes, ' + el.events.length + ' events, ' + el.cssParts.length + ' parts');
`,
    ),
  );

  check('station-map/station-map.iife.js and station-map/schema.json resolve', () =>
    node(
      'files.mjs',
      `import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const require = createRequire(import.meta.url);
const iife = require.resolve('station-map/station-map.iife.js');
if (statSync(iife).size < 10000) throw new Error('iife bundle is suspiciously small');
// A GBK or Big5 page decodes a script sent without a charset in its own encoding: only ASCII reads the same.
// So do the side files beside it that it loads on first use.
const scripts = readdirSync(dirname(iife)).filter((name) => /^station-map\\..+\\.js$/.test(name));
if (scripts.length < 3) throw new Error('side files missing beside the iife bundle: ' + scripts.join(', '));
for (const name of scripts) {
  const text = readFileSync(join(dirname(iife), name), 'latin1');
  const foreign = /[^\x00-\x7f]/.exec(text);
  if (foreign) throw new Error(name + ' is not ASCII-only: ' + JSON.stringify(text.slice(Math.max(0, foreign.index - 40), foreign.index + 10)));
}
const schema = JSON.parse(readFileSync(require.resolve('station-map/schema.json'), 'utf8'));
if (!String(schema.$schema).includes('2020-12')) throw new Error('schema is not draft 2020-12');
console.log('iife ' + Math.round(statSync(iife).size / 1024) + ' KB and ' + (scripts.length - 1) + ' side files, ASCII only, schema ' + schema.title);
`,
    ),
  );

  check('npx station-map check reports a planted fault (exit 1), --help exits 0', () => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    const help = run(npx, ['--no-install', 'station-map', '--help', '--lang', 'en'], app, { timeout: 60_000 });
    if (!help.includes('station-map check FILE')) throw new Error(`--help printed: ${help.slice(0, 200)}`);
    // A GBK-encoded CSV as Excel saves one on Chinese Windows, with one station missing its name.
    const csv = '站点编号,站点名称,站点类型,经度,纬度,服务项目\r\nTA-1,红门工会驿站,工会驿站,117.13,36.21,饮水、热水\r\nTA-2,,工会驿站,117.1,36.2,饮用水\r\n';
    writeFileSync(join(app, 'stations.csv'), encodeGbk(csv));
    let report;
    let status = 0;
    try {
      report = run(npx, ['--no-install', 'station-map', 'check', 'stations.csv', '--lang', 'zh-CN'], app, { timeout: 60_000 });
    } catch (error) {
      status = error.status;
      report = String(error.stdout);
    }
    if (status !== 1 || !report.includes('第 3 行')) throw new Error(`exit ${status}, report:\n${report}`);
    return report.trim().split('\n').find((line) => line.includes('第 3 行')).trim();
  });

  check('npx station-map tiles writes a PMTiles archive (pbf resolves from the installed package)', () => {
    const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
    writeFileSync(join(app, 'two.csv'), 'id,name,lng,lat\nA,甲,117.13,36.21\nB,乙,117.14,36.2\n');
    const line = run(npx, ['--no-install', 'station-map', 'tiles', 'two.csv', '-o', 'two.pmtiles', '--lang', 'en'], app, { timeout: 60_000 });
    const bytes = readFileSync(join(app, 'two.pmtiles'));
    if (bytes.subarray(0, 7).toString('latin1') !== 'PMTiles' || bytes[7] !== 3) throw new Error('not a PMTiles v3 file');
    if (!/^Wrote two\.pmtiles: 2 stations/.test(line)) throw new Error(`printed: ${line}`);
    return line.trim();
  });

  writeFileSync(
    join(app, 'check.ts'),
    `import 'station-map';
import type { Route, Station, StationFilter, StationMap, StationMapEventMap } from 'station-map';
import { nearestStations, parseStations } from 'station-map/core';

const map = document.createElement('station-map');
const typed: StationMap = map;
map.addEventListener('station-select', (e) => {
  const id: string = e.detail.id;
  const distance: number | null = e.detail.distanceMeters;
  e.preventDefault();
  console.log(id, distance);
});
document.addEventListener('stations-load', (e) => console.log(e.detail.count, e.detail.skipped.length));
map.addEventListener('station-map-error', (e) => console.log(e.detail.code.toUpperCase()));
// @ts-expect-error the detail is typed, not any
map.addEventListener('route-change', (e) => e.detail.nope);

const filter: StationFilter = { types: ['union-station'], services: ['water'], openNow: true, text: '红门' };
typed.filter = filter;
typed.src = '/stations.geojson';
const show = (station: Station, route: Route): string => \`\${station.id} \${station.properties.name} \${route.distanceMeters} \${route.kind}\`;
const { stations } = parseStations('{}');
const first: Station | undefined = nearestStations(stations, 117.13, 36.21, 1)[0]?.station;
const detailOf = (e: StationMapEventMap['route-change']): Route | null => e.detail.route;
console.log(show, first, detailOf);
`,
  );
  for (const [label, moduleResolution, module] of [
    ['bundler', 'Bundler', 'ESNext'],
    ['nodenext', 'NodeNext', 'NodeNext'],
  ]) {
    check(`types resolve with tsc (moduleResolution ${label})`, () => {
      writeFileSync(
        join(app, `tsconfig.${label}.json`),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module,
            moduleResolution,
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
          },
          files: ['check.ts'],
        }),
      );
      run(process.execPath, [tsc, '-p', `tsconfig.${label}.json`], app, { timeout: 60_000 });
    });
  }
}

// ——— summary ———

const failed = results.filter((r) => !r.ok);
console.log(
  `\npack-test: ${results.length - failed.length}/${results.length} passed in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (failed.length ? `; failed: ${failed.map((r) => r.name).join('; ')}` : ''),
);
if (keep) console.log(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(failed.length ? 1 : 0);
