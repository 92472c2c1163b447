/**
 * Rollup plugin for the script-tag bundle: every module of src/ that the code reaches through a
 * dynamic `import()` becomes a file of its own beside `station-map.iife.js`
 * (`station-map.<module>.js`, an ES module), loaded on first use. So the script a first view
 * evaluates holds only what a first view needs, and a government page still includes one
 * `<script src>` and hosts one folder. The files are same-origin, so `script-src 'self'` holds.
 *
 * The ESM build for npm users needs none of this: rollup splits dynamic imports into chunks there.
 *
 * A side file is bundled on its own (esbuild: fast, and its minifier is as good as terser's for
 * plain code). It must not hold a second Lit or Leaflet: a second copy of either would be a second
 * element registry or a second map. So the main script shares its Lit modules (the ones src/ imports)
 * on a global keyed by this package's version, and a side file's `import … from 'lit'` reads them
 * there: templates a side file makes render in the main script's Lit. A dynamically imported module
 * that reaches Leaflet, or a Lit module src/ does not import, is left in the main script (inlined,
 * with a note in the build log). Pure code the side file shares
 * with the main script (a formatter, a coordinate conversion) is copied into it, which is fine for
 * functions and wrong for module state or classes checked with `instanceof`: keep such things on
 * the main side and pass them in.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import { build } from 'esbuild';

/**
 * `\u` escapes for every non-ASCII character: a page in GBK decodes a script sent without a charset
 * in its own encoding, as the main script's terser `ascii_only` says. esbuild's `charset: 'ascii'`
 * leaves regular expression literals as they are; a `\u` escape means the same in them too.
 */
const asciiOnly = (code) => code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Packages whose one copy lives in the main script. */
const MAIN_ONLY = /^(lit|lit-html|lit-element|@lit\/[^/]+|leaflet)(\/|$)/;
const MAIN_ONLY_PATH = /\/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+|leaflet)\//;
/** The id of the main script's module that shares its Lit modules with the side files. */
const SHARED_ID = '\0station-map-shared-lit';

/** The Lit modules src/ imports (`lit`, `lit/directives/repeat.js` …): the ones the main script shares. */
function litSpecifiers(dir) {
  const found = new Set();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const spec of litSpecifiers(path)) found.add(spec);
    else if (name.endsWith('.ts')) for (const [, spec] of readFileSync(path, 'utf8').matchAll(/from '(lit(?:\/[^']*)?)'/g)) found.add(spec);
  }
  return found;
}

/** `…/node_modules/lit/index.js` → `lit`; `…/node_modules/lit/directives/live.js` → `lit/directives/live.js`. */
const specifierOf = (path) => path.replace(/^.*\/node_modules\//, '').replace(/^lit\/index\.js$/, 'lit');

/**
 * @param {{ srcDir: string, prefix?: string, tsconfig?: string }} options
 * @returns {import('rollup').Plugin}
 */
export function sideFiles({ srcDir, prefix = 'station-map.', tsconfig = 'tsconfig.json', entry = 'src/iife.ts' }) {
  const root = resolve(srcDir) + sep;
  const shared = [...litSpecifiers(resolve(srcDir))].sort();
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  // One key per version: a second copy of the same build on a page shares the first one's Lit.
  const sharedKey = JSON.stringify(`station-map@${version}:lit`);
  /** The export names of each shared module, read once (Lit runs in Node). */
  let exportNames;
  const exportsOf = async (spec) => {
    exportNames ??= Object.fromEntries(await Promise.all(shared.map(async (s) => [s, Object.keys(await import(s))])));
    return exportNames[spec];
  };
  /** file name → source path, for every side file the build found */
  const files = new Map();

  const fileNameFor = (path) => {
    const fileName = `${prefix}${basename(path).replace(/\.[cm]?[jt]sx?$/, '')}.js`;
    const known = files.get(fileName);
    if (known && known !== path) throw new Error(`side files ${known} and ${path} would both be ${fileName}: rename one`);
    files.set(fileName, path);
    return fileName;
  };

  /** Bundles one side file; its own dynamic imports of src/ become side files too. */
  const buildSideFile = async (fileName, path) => {
    const result = await build({
      entryPoints: [path],
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2020',
      charset: 'ascii',
      legalComments: 'none',
      tsconfig,
      conditions: ['production'],
      platform: 'browser',
      sourcemap: 'linked',
      write: false,
      outfile: fileName,
      logLevel: 'silent',
      plugins: [
        {
          name: 'side-file-imports',
          setup(esbuild) {
            esbuild.onResolve({ filter: MAIN_ONLY }, (args) =>
              shared.includes(args.path)
                ? { path: args.path, namespace: 'station-map-shared' }
                : { errors: [{ text: `${fileName} (${path}) imports ${args.path}: side files must not hold Leaflet or a Lit module the main script does not share` }] },
            );
            // The main script's Lit, from the global its shared module set.
            esbuild.onLoad({ filter: /.*/, namespace: 'station-map-shared' }, async (args) => ({
              contents: `const shared = globalThis[${sharedKey}][${JSON.stringify(args.path)}];\nexport const { ${(await exportsOf(args.path)).join(', ')} } = shared;\n`,
              loader: 'js',
            }));
            esbuild.onResolve({ filter: /.*/ }, async (args) => {
              if (args.kind !== 'dynamic-import' || args.pluginData === 'side') return undefined;
              const found = await esbuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'side' });
              if (found.errors.length || !found.path.startsWith(root)) return undefined;
              // An ES module resolves a relative import against its own URL: the folder it came from.
              return { path: `./${fileNameFor(found.path)}`, external: true };
            });
          },
        },
      ],
    });
    return result.outputFiles;
  };

  /** The first Lit or Leaflet module `id` imports, directly or through other modules; else null. */
  const reachesMainOnly = async (context, id, seen = new Set()) => {
    if (seen.has(id)) return null;
    seen.add(id);
    const info = await context.load({ id, resolveDependencies: true });
    for (const imported of info.importedIds) {
      if (MAIN_ONLY_PATH.test(imported)) {
        if (shared.includes(specifierOf(imported))) continue;
        return specifierOf(imported);
      }
      const found = await reachesMainOnly(context, imported, seen);
      if (found) return found;
    }
    return null;
  };

  return {
    name: 'side-files',

    resolveId(id) {
      return id === SHARED_ID ? id : null;
    },

    load(id) {
      if (id !== SHARED_ID) return null;
      const imports = shared.map((spec, i) => `import * as m${i} from ${JSON.stringify(spec)};`).join('\n');
      const table = shared.map((spec, i) => `${JSON.stringify(spec)}: m${i}`).join(', ');
      return `${imports}\nglobalThis[${sharedKey}] ??= { ${table} };\n`;
    },

    transform(code, id) {
      // The entry shares its Lit before anything else runs.
      return id === resolve(entry) ? { code: `import ${JSON.stringify(SHARED_ID)};\n${code}`, map: null } : null;
    },

    async resolveDynamicImport(specifier, importer) {
      if (typeof specifier !== 'string' || !importer?.startsWith(root)) return null;
      const resolved = await this.resolve(specifier, importer, { skipSelf: true });
      if (!resolved || resolved.external || !resolved.id.startsWith(root)) return null;
      const mainOnly = await reachesMainOnly(this, resolved.id);
      if (mainOnly) {
        this.info(`${resolved.id.slice(root.length)} reaches ${mainOnly}: it stays in the main script`);
        return null;
      }
      return { id: fileNameFor(resolved.id), external: true };
    },

    renderDynamicImport({ targetModuleId }) {
      if (!targetModuleId || !files.has(targetModuleId)) return null;
      // A classic script has no import.meta.url: the side file is found beside the script's own URL.
      return { left: 'import(new URL(', right: ', stationMapScriptUrl).href)' };
    },

    outputOptions(options) {
      // Runs while the script is evaluated, the only time `document.currentScript` is set.
      const intro = 'var stationMapScriptUrl = document.currentScript && document.currentScript.src || location.href;';
      return { ...options, intro: options.intro ? `${intro}\n${options.intro}` : intro };
    },

    async generateBundle() {
      const built = new Set();
      // Side files may add side files of their own while they are built.
      for (let pending = [...files]; pending.length; pending = [...files].filter(([name]) => !built.has(name))) {
        for (const [fileName, path] of pending) {
          built.add(fileName);
          for (const output of await buildSideFile(fileName, path)) {
            const name = basename(output.path);
            this.emitFile({ type: 'asset', fileName: name, source: name.endsWith('.js') ? asciiOnly(output.text) : output.contents });
          }
        }
      }
    },
  };
}
