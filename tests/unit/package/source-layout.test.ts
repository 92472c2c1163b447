/**
 * The folders of src/ are layers: a module imports from its own layer or from layers below it,
 * never above, and no chain of imports comes back to where it started. These tests read every
 * relative import (type-only ones too: a type cycle is still a design cycle) and fail with the
 * offending files, so a shortcut across layers is seen in review rather than found later when a
 * pure module suddenly needs the DOM.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './manifest.js';

const SRC = join(ROOT, 'src');

/**
 * Rank of each top folder of src/; a module may import ranks up to its own. Pure logic (util, geo,
 * hours, data) sits below everything that knows about the page; `types.ts`, `errors.ts` and
 * `events.ts` are shared vocabulary any layer may use; the element and the entry points sit on top.
 */
const LAYERS: Record<string, number> = {
  'types.ts': 0,
  'errors.ts': 0,
  'events.ts': 0,
  util: 1,
  geo: 2,
  hours: 2,
  data: 3,
  // Tile math and the tile producer: pure like data (which they may read, as data may read them).
  tiles: 3,
  icons: 3,
  i18n: 4,
  map: 5,
  ui: 5,
  controllers: 6,
  cli: 7,
};
const TOP = 8;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

function layerOf(file: string): [name: string, rank: number] {
  const top = relative(SRC, file).split('/')[0];
  return [top, LAYERS[top] ?? TOP];
}

const imports = new Map<string, string[]>();
for (const file of sourceFiles(SRC)) {
  const code = readFileSync(file, 'utf8');
  const targets = [...code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map(([, spec]) =>
    resolve(dirname(file), spec).replace(/\.js$/, '.ts'),
  );
  imports.set(file, targets);
}

describe('source layout', () => {
  it('reads the imports of every module (the layout checks below have something to judge)', () => {
    expect(imports.size).toBeGreaterThan(100);
    expect(imports.get(join(SRC, 'station-map.ts'))?.length).toBeGreaterThan(20);
  });

  it('no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const [file, targets] of imports) {
      const [, rank] = layerOf(file);
      for (const target of targets) {
        const [name, targetRank] = layerOf(target);
        if (targetRank > rank) upward.push(`${relative(SRC, file)} -> ${relative(SRC, target)} (${name})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('no import cycles', () => {
    // Depth-first search; a back edge to a module on the current path closes a cycle.
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const target of imports.get(file) ?? []) {
        if (state.get(target) === 'open') {
          cycles.push(path.slice(path.indexOf(target)).concat(target).map((f) => relative(SRC, f)).join(' -> '));
        } else if (!state.has(target) && imports.has(target)) visit(target);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of imports.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});
