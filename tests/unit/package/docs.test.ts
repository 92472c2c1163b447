/**
 * The API tables in README.md and docs/guides are generated from the manifest by
 * scripts/api-table.mjs; these tests fail when someone changes the element's JSDoc without
 * regenerating them (`npm run build`), or adds an event without a section in the events guide.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readSource, ROOT } from './manifest.js';

describe('generated API docs', () => {
  it('README.md and the guides match the manifest analysed from src/', () => {
    const result = spawnSync(process.execPath, ['scripts/api-table.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr.trim(), 'run `npm run build` (or node scripts/api-table.mjs --fresh)').toBe('');
    expect(result.status).toBe(0);
  }, 60_000);

  it('README.md keeps its generated tables between the markers', () => {
    const readme = readSource('README.md');
    const start = readme.indexOf('<!-- api-table:start -->');
    const end = readme.indexOf('<!-- api-table:end -->');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const table = readme.slice(start, end);
    for (const heading of ['### Attributes and properties', '### Methods', '### Events', '### CSS custom properties', '### CSS parts', '### Slots']) {
      expect(table).toContain(heading);
    }
    expect(table).toContain('| `station-select` | `StationSelectDetail` |');
    expect(table).toContain('| `basemap-key` | `.basemapKey` |');
  });

  it('the events guide has a section with an example for every event in the README table', () => {
    const readme = readSource('README.md');
    const events = [...readme.matchAll(/^\| `([a-z]+(?:-[a-z]+)+)` \| `\w+Detail` \|/gm)].map((m) => m[1]!);
    expect(events).toContain('station-select');
    const guide = readSource('docs/guides/events.md');
    const missing = events.filter((name) => {
      const section = guide.split(/\n## /).find((s) => s.startsWith(`\`${name}\``));
      return !section || !section.includes('addEventListener');
    });
    expect(missing).toEqual([]);
  });

  it('links from the README resolve to files in the repository', async () => {
    const { existsSync } = await import('node:fs');
    const readme = readSource('README.md');
    const links = [...readme.matchAll(/\]\(((?:docs|schema)\/[^)#]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !existsSync(`${ROOT}${link}`))).toEqual([]);
  });
});
