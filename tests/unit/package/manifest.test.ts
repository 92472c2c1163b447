/**
 * custom-elements.json is the machine-readable API of `<station-map>` (IDEs, Storybook, the README
 * tables). These tests fail when the element gains an attribute, event, part or custom property
 * that its class JSDoc does not describe, or when the manifest loses something the spec promises.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeManifest, findElement, readSource, ROOT, type Manifest, type ManifestElement } from './manifest.js';

// The public contract, /work/shared/spec/API.md §3–§5 (cross-checked below when that file is around).
const SPEC_ATTRIBUTES = [
  'src', 'crs', 'basemap', 'basemap-key', 'center', 'zoom', 'origin', 'locate', 'nearest', 'selected',
  'network', 'router-url', 'travel-mode', 'lang', 'coverage', 'geocoder-url', 'timezone',
];
const SPEC_PROPERTIES = ['stations', 'filter', 'geocoder'];
const SPEC_METHODS = ['locate', 'nearestStations', 'routeTo', 'stationsAlong', 'select', 'clearSelection', 'fitStations', 'coverageStats'];
const SPEC_EVENTS = ['station-select', 'stations-load', 'location-change', 'route-change', 'coverage-change', 'station-map-error'];

/**
 * Spec names the element does not implement yet. Each must be either absent from
 * src/station-map.ts or documented in the manifest like everything else; so the day one is
 * implemented, it is checked without anyone editing this list.
 */
const NOT_YET_IMPLEMENTED = new Set(['coverage', 'geocoder-url', 'geocoder', 'coverageStats', 'coverage-change']);

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const element = readSource('src/station-map.ts');

/** Whether src/station-map.ts mentions a spec name at all (attribute, field, method or event). */
function isInSource(name: string): boolean {
  if (name.includes('-') && !/^[a-z]+(-[a-z]+)*$/.test(name)) return false;
  return new RegExp(`\\b${camel(name)}\\b`).test(element) || element.includes(`'${name}'`);
}

/** `'event-name': CustomEvent<DetailType>` entries of StationMapEventMap in src/events.ts. */
function readEventMap(): Map<string, string> {
  const source = readSource('src/events.ts');
  const body = /interface StationMapEventMap\s*\{([\s\S]*?)\n\}/.exec(source)?.[1] ?? '';
  return new Map([...body.matchAll(/'([a-z-]+)':\s*CustomEvent<(\w+)>/g)].map((m) => [m[1]!, m[2]!]));
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.endsWith('.generated.ts')) yield path;
  }
}
const sources = [...walk(join(ROOT, 'src'))].map((path) => ({ path: path.slice(ROOT.length), text: readFileSync(path, 'utf8') }));

let manifest: Manifest;
let el: ManifestElement;

beforeAll(() => {
  manifest = analyzeManifest();
  el = findElement(manifest);
}, 60_000);

describe('custom-elements.json', () => {
  it('declares <station-map> with its class, a summary and a registration', () => {
    expect(el.name).toBe('StationMap');
    expect(el.summary?.length).toBeGreaterThan(10);
    const define = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition');
    expect(define?.name).toBe('station-map');
    // Paths name the shipped file, not src/, so tools that follow them find something.
    for (const mod of manifest.modules) expect(mod.path).toMatch(/^dist\//);
  });

  it('lists every attribute and property of the spec', () => {
    const attributes = new Map((el.attributes ?? []).map((a) => [a.name, a]));
    const fields = new Set((el.members ?? []).filter((m) => m.kind === 'field').map((m) => m.name));
    const missing: string[] = [];
    for (const name of SPEC_ATTRIBUTES) {
      if (NOT_YET_IMPLEMENTED.has(name) && !isInSource(name)) continue;
      const attribute = attributes.get(name);
      if (!attribute || !fields.has(attribute.fieldName ?? '')) missing.push(name);
    }
    for (const name of SPEC_PROPERTIES) {
      if (NOT_YET_IMPLEMENTED.has(name) && !isInSource(name)) continue;
      if (!fields.has(name)) missing.push(`.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('lists every method of the spec with its parameters typed', () => {
    const methods = new Map((el.members ?? []).filter((m) => m.kind === 'method').map((m) => [m.name, m]));
    const missing = SPEC_METHODS.filter((name) => !methods.has(name) && !(NOT_YET_IMPLEMENTED.has(name) && !isInSource(name)));
    expect(missing).toEqual([]);
    const untyped = [...methods.values()].flatMap((m) =>
      (m.parameters ?? []).filter((p) => !p.type?.text).map((p) => `${m.name}(${p.name})`),
    );
    expect(untyped).toEqual([]);
  });

  it('lists every event of the spec with the detail type of StationMapEventMap', () => {
    const eventMap = readEventMap();
    const events = new Map((el.events ?? []).map((e) => [e.name, e.type?.text]));
    for (const name of SPEC_EVENTS) {
      if (NOT_YET_IMPLEMENTED.has(name) && !isInSource(name)) continue;
      expect(eventMap.get(name), `${name} in StationMapEventMap (src/events.ts)`).toBeTruthy();
      expect(events.get(name), `@fires {CustomEvent<…>} ${name} in the StationMap JSDoc`).toBe(`CustomEvent<${eventMap.get(name)}>`);
    }
  });

  it('lists every event the source dispatches, typed as in StationMapEventMap', () => {
    const dispatched = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\bdispatch\(\s*'([a-z-]+)'/g)) dispatched.add(m[1]!);
      for (const m of text.matchAll(/new CustomEvent(?:<[^>]*>)?\(\s*'([a-z-]+)'/g)) dispatched.add(m[1]!);
    }
    // fireError() is the one indirect dispatch.
    if (/\bthis\.fireError\(/.test(element)) dispatched.add('station-map-error');
    expect(dispatched.size).toBeGreaterThanOrEqual(5);
    const eventMap = readEventMap();
    const documented = new Map((el.events ?? []).map((e) => [e.name, e.type?.text]));
    const problems = [...dispatched].flatMap((name) => {
      if (!eventMap.has(name)) return [`${name}: not in StationMapEventMap (src/events.ts)`];
      if (documented.get(name) !== `CustomEvent<${eventMap.get(name)}>`)
        return [`${name}: add "@fires {CustomEvent<${eventMap.get(name)}>} ${name} - …" to the StationMap JSDoc`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('documents every part="…" the templates render', () => {
    const used = new Set<string>();
    for (const { text } of sources) {
      for (const m of text.matchAll(/\bpart="([^"$]+)"/g)) for (const part of m[1]!.split(/\s+/)) if (part) used.add(part);
    }
    expect(used.has('list-item')).toBe(true);
    const documented = new Set((el.cssParts ?? []).map((p) => p.name));
    expect([...used].filter((p) => !documented.has(p)).map((p) => `@csspart ${p}`)).toEqual([]);
  });

  it('documents every --station-map-* custom property the styles read', () => {
    const used = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/var\(\s*(--station-map-[a-z0-9-]*[a-z0-9])\b/g)) used.add(m[1]!);
    expect(used.has('--station-map-accent')).toBe(true);
    const documented = new Set((el.cssProperties ?? []).map((p) => p.name));
    expect([...used].filter((p) => !documented.has(p)).map((p) => `@cssproperty ${p}`)).toEqual([]);
  });

  it('describes every public attribute, member, event, slot, part and custom property', () => {
    const undescribed = [
      ...(el.members ?? []).map((m) => ['member', m] as const),
      ...(el.events ?? []).map((e) => ['event', e] as const),
      ...(el.slots ?? []).map((s) => ['slot', s] as const),
      ...(el.cssParts ?? []).map((p) => ['part', p] as const),
      ...(el.cssProperties ?? []).map((p) => ['cssproperty', p] as const),
    ]
      .filter(([, item]) => !item.description?.trim())
      .map(([kind, item]) => `${kind} ${item.name}`);
    expect(undescribed).toEqual([]);
  });

  it('keeps private state and Lit lifecycle out', () => {
    const names = (el.members ?? []).map((m) => m.name);
    for (const internal of ['store', 'mapController', 'render', 'updated', 'styles', 'dispatch']) expect(names).not.toContain(internal);
    expect((el.members ?? []).every((m) => !m.privacy || m.privacy === 'public')).toBe(true);
  });

  it.skipIf(!existsSync('/work/shared/spec/API.md'))('names the same things as API.md', () => {
    const spec = readFileSync('/work/shared/spec/API.md', 'utf8');
    const section = (n: number) => spec.split(/\n## /).find((s) => s.startsWith(`${n}.`)) ?? '';
    const firstColumn = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .flatMap((l) => [...l.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
    const props = firstColumn(section(3)).map((n) => n.replace(/\(.*$/, ''));
    expect(props.filter((n) => !n.startsWith('.')).sort()).toEqual(SPEC_ATTRIBUTES.filter((n) => n !== 'geocoder-url').sort());
    expect(props.filter((n) => n.startsWith('.')).map((n) => n.slice(1)).sort()).toEqual([...SPEC_PROPERTIES].sort());
    expect(section(3)).toContain('`geocoder-url`');
    const methods = firstColumn(section(4)).map((n) => n.replace(/\(.*$/, ''));
    expect(methods.sort()).toEqual([...SPEC_METHODS].sort());
    expect(firstColumn(section(5)).sort()).toEqual([...SPEC_EVENTS].sort());
  });
});
