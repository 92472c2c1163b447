// Bundles the framework demos (demo/react, demo/vue) with esbuild into demo/<name>/dist/main.js,
// the way an app would: `station-map` and `station-map/react` resolve to this repository's built
// dist/ (run after rollup), so the demos exercise what npm users get. Runs as the last step of
// `npm run build`; `npm start` then serves them at /demo/react/ and /demo/vue/.
import { existsSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The package's own entries, as its package.json "exports" map them. */
const entries = {
  'station-map': `${root}dist/index.js`,
  'station-map/core': `${root}dist/core.js`,
  'station-map/react': `${root}dist/react.js`,
  // The full Vue build compiles the demo's template string in the browser.
  vue: `${root}node_modules/vue/dist/vue.esm-bundler.js`,
};

for (const [name, path] of Object.entries(entries)) {
  if (!existsSync(path)) {
    console.error(`build-demos: ${path} is missing (${name}); run rollup first`);
    process.exit(1);
  }
}

/** @type {import('esbuild').Plugin} */
const resolveEntries = {
  name: 'station-map-entries',
  setup(b) {
    b.onResolve({ filter: /^(station-map(\/core|\/react)?|vue)$/ }, (args) => ({ path: entries[args.path] }));
  },
};

const demos = [
  { name: 'react', entry: 'demo/react/main.tsx' },
  { name: 'vue', entry: 'demo/vue/main.ts' },
];

await Promise.all(
  demos.map(async ({ name, entry }) => {
    const outfile = `${root}demo/${name}/dist/main.js`;
    const result = await build({
      entryPoints: [`${root}${entry}`],
      outfile,
      bundle: true,
      format: 'esm',
      target: 'es2021',
      minify: true,
      sourcemap: true,
      jsx: 'automatic',
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      plugins: [resolveEntries],
      define: {
        'process.env.NODE_ENV': '"production"',
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    });
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + (o.bytes ?? 0), 0);
    console.log(`demo/${name}/dist/main.js ${(bytes / 1024).toFixed(1)} KB (with source map)`);
  }),
);

// The national demo's archive (demo/national/): 30,000 seeded stations over China's cities, written
// as `station-map tiles` writes it, with the same core function from the built dist/core.js.
{
  const { buildStationArchive } = await import(`${root}dist/core.js`);
  const { nationalStations } = await import(`${root}bench/national-stations.mjs`);
  const { chunks } = buildStationArchive(nationalStations(30_000, { seed: 30 }).features, { gzip: (bytes) => gzipSync(bytes) });
  writeFileSync(`${root}demo/data/national.pmtiles`, Buffer.concat(chunks));
  console.log(`demo/data/national.pmtiles ${(Buffer.concat(chunks).length / 1024).toFixed(1)} KB`);
}
