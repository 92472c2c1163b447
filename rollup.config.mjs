// Builds three things:
// - dist/index.js and dist/core.js: ESM for npm users, with .d.ts. Lit and Leaflet stay external
//   (the app dedupes them); the small geo libraries (kdbush, turf pieces, gcoord) are bundled so
//   `station-map/core` starts fast in Node (importing all of @turf/turf costs +0.23 s and +25 MB).
// - dist/station-map.iife.js: one self-contained file for a <script> tag: Leaflet, Lit and all CSS inside.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const isPeer = (id) => /^(lit|@lit\/|lit-html|lit-element|@lit-labs\/|leaflet)(\/|$)/.test(id);

const onwarn = (warning, warn) => {
  // Leaflet's ESM build uses `this` at top level in a way that is harmless.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

export default [
  {
    input: { index: 'src/index.ts', core: 'src/core.ts' },
    external: isPeer,
    onwarn,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      chunkFileNames: 'chunks/shared-[hash].js',
    },
    plugins: [
      nodeResolve(),
      commonjs(),
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
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
];
