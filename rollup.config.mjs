// Builds four things:
// - dist/index.js, dist/core.js and dist/react.js: ESM for npm users, with .d.ts. Lit and Leaflet stay external
//   (the app dedupes them); the geo code is our own (no kdbush, turf or gcoord at run time), so
//   `station-map/core` starts fast in Node and in Workers.
// - dist/cli.js: the `station-map` command (check and convert station files), on the same core code; its .xlsx
//   reader (fflate) is imported by the command only, so no page bundle ever holds it.
// - dist/station-map.iife.js: the file for a <script> tag: the element with Leaflet (the committed
//   src/map/leaflet-trimmed.generated.js, cut by the table in scripts/trim-leaflet.mjs), Lit and all CSS inside; `npm run size` (and `npm test`) holds it to
//   80 KB gzip. What the code reaches through a dynamic import() (place search, the QR code, the
//   route service, the coverage drawing…) is a side file beside it, `dist/station-map.<module>.js`,
//   loaded on first use (scripts/side-files.mjs). The core functions stay in dist/core.js (an ES
//   module a page can import).
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { trimmedLeaflet } from './scripts/trim-leaflet.mjs';
import { sideFiles } from './scripts/side-files.mjs';

// Peers and dependencies the app resolves once: Lit (and @lit/react), Leaflet, React.
const isPeer = (id) => /^(lit|lit-html|lit-element|leaflet|react|react-dom)(\/|$)|^@lit(-labs)?\//.test(id);

/**
 * Minifies our Lit `html`, `svg` and `css` template literals (whitespace, comments; CSS through
 * lightningcss) in every build. `conservativeCollapse` turns a run of whitespace into one space
 * but never removes it, so text between inline parts (`${a} &middot; ${b}`, `</a> ${b}`) reads the same.
 */
const minifyTemplates = () =>
  minifyHtmlLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      // Entities stay entities (`&middot;`): the script-tag bundle is ASCII only (see its terser options).
      minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, minifyJS: false, decodeEntities: false },
    },
  });

const onwarn = (warning, warn) => {
  // Leaflet's ESM build uses `this` at top level in a way that is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { index: 'src/index.ts', core: 'src/core.ts', react: 'src/react.ts', cli: 'src/cli/bin.ts' },
    // fflate (the command's .xlsx reader), pbf (the tile encoder of core and the command, and the
    // decoder's reader), pmtiles and @mapbox/vector-tile (the tiled mode's archive reader and decoder)
    // are dependencies, installed beside the package, and the app bundles them once (its own copy of
    // fflate included: pmtiles' fallback inflate stays out of dist/); node: built-ins are Node's.
    external: (id) => isPeer(id) || ['fflate', 'pbf', 'pmtiles', '@mapbox/vector-tile'].includes(id) || id.startsWith('node:'),
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/shared-[hash].js',
      banner: (chunk) => (chunk.isEntry && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      // Bare `import './chunks/…'` hints make app bundlers warn: the chunks are free of side effects.
      hoistTransitiveImports: false,
    },
    plugins: [
      nodeResolve(),
      commonjs(),
      minifyTemplates(),
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist', declarationDir: 'dist' }),
    ],
  },
  {
    input: 'src/iife.ts',
    onwarn,
    output: {
      file: 'dist/station-map.iife.js',
      format: 'iife',
      name: 'StationMapWidget',
      // Leaflet's dynamic import (map/leaflet.ts) is inlined: a first view needs the map.
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      commonjs(),
      trimmedLeaflet(),
      sideFiles({ srcDir: 'src' }),
      minifyTemplates(),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' }),
      // Not `toplevel` (it would drop the `var StationMapWidget` global) nor `pure_getters` (Leaflet
      // reads offsetWidth to force a reflow). `unsafe_methods` (`{ f: function () {} }` → `{ f() {} }`)
      // is safe as no such function is called with `new`. No property is renamed: side files are
      // bundled on their own and must read the objects the main script hands them by their names.
      terser({
        ecma: 2020,
        // ASCII only (`\u5de5`, not 工): many government sites in China still serve GBK or GB2312 pages,
        // and a script sent without a charset is decoded in the page's encoding, which turns UTF-8
        // Chinese into garbage or a syntax error. The escapes also gzip ~0.4 KB smaller here.
        format: { comments: false, ascii_only: true },
        compress: { passes: 3, unsafe_methods: true },
      }),
    ],
  },
];
