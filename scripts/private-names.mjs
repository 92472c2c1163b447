// Finds the TypeScript `private` members of src/ that terser may rename in the script-tag bundle.
// Renaming is by name across the whole bundle, so a name qualifies only when nothing else could
// reach it by that name: in src/ (comments aside) it is only ever declared `private` or read as
// `this.name`, never decorated (Lit registers reactive properties by their string name), never in
// a string, and neither the DOM and ECMAScript typings nor the bundled libraries use the word.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Text of the typings and libraries whose words are off limits (a renamed DOM or Lit member would break). */
function foreignText() {
  const read = (path) => readFileSync(new URL(`../node_modules/${path}`, import.meta.url), 'utf8');
  return [
    ...['dom', 'dom.iterable', 'es5', 'es2015.core', 'es2015.collection', 'es2015.iterable', 'es2015.promise', 'es2017.object', 'es2020.intl']
      .map((lib) => read(`typescript/lib/lib.${lib}.d.ts`)),
    read('leaflet/dist/leaflet-src.esm.js'),
    // Lit's development builds: the production ones have their own members renamed already.
    read('lit-html/development/lit-html.js'),
    read('@lit/reactive-element/development/reactive-element.js'),
    read('@lit/reactive-element/development/css-tag.js'),
    read('lit-element/development/lit-element.js'),
    read('lean-qr/nano.mjs'),
  ].join('\n');
}

/** Private, but read from outside on purpose: the benchmarks and a host test reach the element's map through it. */
const KEEP = new Set(['mapController']);

/**
 * Names of `private` members of the classes under `srcDir` that only those classes use.
 *
 * @example privateMemberNames('src') // → ['applyFilter', 'mapController', …]
 */
export function privateMemberNames(srcDir) {
  const sources = [...walk(srcDir)].map((file) =>
    // Comments out: they name members freely. Only those after a line start or a space, so `https://` stays.
    readFileSync(file, 'utf8').replace(/(?<=^|\s)(?:\/\*[\s\S]*?\*\/|\/\/.*)/gm, ''),
  );
  const code = sources.join('\n');
  const declared = new Set([...code.matchAll(/^\s*private (?:readonly |static |async |get |set )*([A-Za-z$][\w$]*)/gm)].map((m) => m[1]));
  const foreign = foreignText();
  return [...declared]
    .filter((name) => {
      if (KEEP.has(name)) return false;
      const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      for (const m of code.matchAll(word)) {
        const before = code.slice(Math.max(0, m.index - 40), m.index);
        if (!/(?:\bthis\.|^\s*private (?:readonly |static |async |get |set )*)$/m.test(before)) return false;
      }
      return !new RegExp(`@\\w+\\([^)]*\\)\\s*private (?:readonly )?${name}\\b`).test(code) && !word.test(foreign);
    })
    .sort();
}
