// Builds three things:
// - dist/index.js, dist/core.js and dist/react.js: ESM for npm users, with .d.ts. Lit and Leaflet stay external
//   (the app dedupes them); the geo code is our own (no kdbush, turf or gcoord at run time), so
//   `station-map/core` starts fast in Node and in Workers.
// - dist/station-map.iife.js: one self-contained file for a <script> tag: Leaflet (trimmed by
//   scripts/trim-leaflet.mjs), Lit and all CSS inside; `npm run size` holds it to 80 KB gzip.
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { trimLeaflet } from './scripts/trim-leaflet.mjs';
import { privateMemberNames } from './scripts/private-names.mjs';
import { internalMemberNames } from './scripts/internal-names.mjs';

// Peers and dependencies the app resolves once: Lit (and @lit/react), Leaflet, React.
const isPeer = (id) => /^(lit|lit-html|lit-element|leaflet|react|react-dom)(\/|$)|^@lit(-labs)?\//.test(id);

/**
 * Minifies our Lit `html`, `svg` and `css` template literals (whitespace, comments; CSS through
 * lightningcss) in every build. `conservativeCollapse` turns a run of whitespace into one space
 * but never removes it, so text between inline parts (`${a} · ${b}`, `</a> ${b}`) reads the same.
 */
const minifyTemplates = () =>
  minifyHtmlLiterals({
    include: ['src/**/*.ts'],
    failOnError: true,
    options: {
      minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, minifyJS: false },
    },
  });

const onwarn = (warning, warn) => {
  // Leaflet's ESM build uses `this` at top level in a way that is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { index: 'src/index.ts', core: 'src/core.ts', react: 'src/react.ts' },
    external: isPeer,
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/shared-[hash].js',
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
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['production'] }),
      commonjs(),
      trimLeaflet({ srcDir: 'src' }),
      minifyTemplates(),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' }),
      // Every byte counts against the 80 KB gzip budget. Not `toplevel` (it would drop the
      // `var StationMapWidget` global) nor `pure_getters` (Leaflet reads offsetWidth to force a reflow).
      // `unsafe_methods` (`{ f: function () {} }` → `{ f() {} }`) is safe as no such function is
      // called with `new`. Leaflet's `_private` properties are renamed: the bundle is closed, nothing
      // outside reads them, and Leaflet reaches none by a built string. Kept: `__proto__`/`__super__`,
      // Lit's `_$…` cross-version protocol and `_leaflet_…`, which Leaflet reads with `in` and puts
      // on DOM nodes another Leaflet on the page may look at. So are our own `private` members that
      // nothing else names (scripts/private-names.mjs), and the members, options and string-table keys
      // that the type checker finds no page, library, string or JSON can reach (scripts/internal-names.mjs).
      terser({
        ecma: 2020,
        format: { comments: false },
        compress: { passes: 3, unsafe_methods: true },
        mangle: { properties: { regex: new RegExp(`^(?:_(?!_|\\$|leaflet)|(?:${[...new Set([...privateMemberNames('src'), ...internalMemberNames('src')])].join('|')})$)`) } },
      }),
    ],
  },
];
