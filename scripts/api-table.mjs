// Writes the API tables of README.md and docs/guides/*.md from the custom elements manifest, so the
// docs cannot drift from the class JSDoc of src/station-map.ts. Each table sits between marker
// comments (`<!-- api-table:start -->` … `<!-- api-table:end -->`); text outside them is left alone.
//
//   node scripts/api-table.mjs                  update the docs from dist/custom-elements.json (npm run build)
//   node scripts/api-table.mjs --fresh          the same, analysing src/ first (no build needed)
//   node scripts/api-table.mjs --check          exit 1 when a doc is out of date with src/ (the unit test)
//   node scripts/api-table.mjs --print-manifest print the manifest analysed from src/ (for tests)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TAG = 'station-map';

/** The docs this script keeps, and which tables go into each. */
const TARGETS = [
  { file: 'README.md', marker: 'api-table', render: (el) => renderFullApi(el) },
  { file: 'docs/guides/theming.md', marker: 'api-table:css', render: (el) => renderCss(el, '###') },
  { file: 'docs/guides/events.md', marker: 'api-table:events', render: (el) => renderEvents(el) },
];

/** Analyses src/ with the project's config (custom-elements-manifest.config.mjs) without writing a file. */
export async function analyzeManifest() {
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  return cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: root,
    noWrite: true,
  });
}

/** The built manifest when there is one and `fresh` is not asked for; else a fresh analysis. */
export async function loadManifest({ fresh = false } = {}) {
  const built = `${root}dist/custom-elements.json`;
  if (!fresh && existsSync(built)) return JSON.parse(readFileSync(built, 'utf8'));
  return analyzeManifest();
}

/** The `<station-map>` class declaration of a manifest. */
export function findElement(manifest) {
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.tagName === TAG) return declaration;
    }
  }
  throw new Error(`custom-elements.json declares no <${TAG}>`);
}

/** Markdown table cell: one line, pipes escaped (also inside code spans, as GFM tables need). */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(head, rows) {
  if (!rows.length) return '_None._\n';
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join(
    '\n',
  );
}

/** `CustomEvent<StationSelectDetail>` → `StationSelectDetail`. */
export function detailType(event) {
  const text = event.type?.text ?? '';
  return /^CustomEvent<(.+)>$/.exec(text)?.[1] ?? text;
}

export function renderProperties(el) {
  const attributes = new Map((el.attributes ?? []).map((a) => [a.fieldName ?? a.name, a]));
  const rows = (el.members ?? [])
    .filter((m) => m.kind === 'field')
    .map((m) => {
      const attribute = attributes.get(m.name);
      return [
        attribute ? code(attribute.name) : '—',
        code(`.${m.name}`),
        code(m.type?.text),
        code(m.default),
        cell(m.description),
      ];
    });
  return table(['attribute', 'property', 'type', 'default', 'meaning'], rows);
}

export function renderMethods(el) {
  const rows = (el.members ?? [])
    .filter((m) => m.kind === 'method')
    .map((m) => {
      const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default ? '?' : ''}`).join(', ');
      return [code(`${m.name}(${params})`), code(m.return?.type?.text ?? 'void'), cell(m.description)];
    });
  return table(['method', 'returns', 'what it does'], rows);
}

export function renderEvents(el) {
  const rows = (el.events ?? []).map((e) => [code(e.name), code(detailType(e)), cell(e.description)]);
  return table(['event', '`detail` type', 'when'], rows);
}

export function renderCss(el, heading) {
  return [
    `${heading} CSS custom properties`,
    '',
    table(
      ['property', 'meaning'],
      (el.cssProperties ?? []).map((p) => [code(p.name), cell([p.description, p.default ? `Default \`${p.default}\`.` : ''].join(' '))]),
    ),
    `${heading} CSS parts`,
    '',
    table(['part', 'what it is'], (el.cssParts ?? []).map((p) => [code(`::part(${p.name})`), cell(p.description)])),
    `${heading} Slots`,
    '',
    table(['slot', 'what goes in'], (el.slots ?? []).map((s) => [code(s.name ? `slot="${s.name}"` : '(default)'), cell(s.description)])),
  ].join('\n');
}

export function renderFullApi(el) {
  return [
    '### Attributes and properties',
    '',
    renderProperties(el),
    '### Methods',
    '',
    renderMethods(el),
    '### Events',
    '',
    'All are `CustomEvent`s that bubble and are composed; the detail types are exported from `station-map`.',
    '',
    renderEvents(el),
    renderCss(el, '###'),
  ].join('\n');
}

/** `text` with the part between `<!-- marker:start -->` and `<!-- marker:end -->` replaced. */
export function replaceBetween(text, marker, content, file = 'the file') {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n<!-- generated by scripts/api-table.mjs from custom-elements.json: edit the JSDoc of src/station-map.ts, then npm run build -->\n\n${content.trim()}\n\n${text.slice(to)}`;
}

/** Every doc with its current and its generated text. */
export function planDocs(manifest) {
  const el = findElement(manifest);
  return TARGETS.map(({ file, marker, render }) => {
    const path = `${root}${file}`;
    const current = readFileSync(path, 'utf8');
    return { file, path, current, next: replaceBetween(current, marker, render(el), file) };
  });
}

async function main(argv) {
  if (argv.includes('--print-manifest')) {
    process.stdout.write(`${JSON.stringify(await analyzeManifest(), null, 2)}\n`);
    return 0;
  }
  const check = argv.includes('--check');
  const manifest = await loadManifest({ fresh: check || argv.includes('--fresh') });
  const docs = planDocs(manifest);
  const stale = docs.filter((d) => d.current !== d.next);
  if (check) {
    for (const d of stale) console.error(`${d.file}: API tables are out of date; run \`npm run build\` (or node scripts/api-table.mjs --fresh)`);
    return stale.length ? 1 : 0;
  }
  for (const d of stale) writeFileSync(d.path, d.next);
  console.log(`api-table: ${stale.length ? `updated ${stale.map((d) => d.file).join(', ')}` : 'docs already up to date'}`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
