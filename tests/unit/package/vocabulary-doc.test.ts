/**
 * The "From a spreadsheet" section of docs/guides/load-your-data.md lists the headers and values
 * read without configuration; it is rendered from src/data/vocabulary.ts, and this test fails when
 * the two disagree. Regenerate the section with UPDATE_DOCS=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_HEADERS, SERVICE_NAMES, STATION_FIELDS, STATION_TYPE_NAMES } from '../../../src/data/vocabulary.js';
import { zhCN } from '../../../src/i18n/zh-CN.js';
import { ROOT } from './manifest.js';

const GUIDE = `${ROOT}docs/guides/load-your-data.md`;
const START = '<!-- vocabulary:start -->';
const END = '<!-- vocabulary:end -->';

const code = (s: string) => `\`${s}\``;

function renderVocabulary(): string {
  const lines = [
    START,
    '<!-- Generated from src/data/vocabulary.ts by tests/unit/package/vocabulary-doc.test.ts (UPDATE_DOCS=1). -->',
    '',
    '**Headers** (any column order; case, spaces, full-width letters and a trailing `(…)` or `*` are ignored):',
    '',
    '| field | headers read as it |',
    '|---|---|',
    ...STATION_FIELDS.map((field) => `| ${code(field)} | ${[...new Set([field, ...FIELD_HEADERS[field]])].map(code).join(', ')} |`),
    '',
    '**Station types** (`type`):',
    '',
    '| type | values read as it |',
    '|---|---|',
    ...STATION_TYPE_NAMES.map(({ id, names }) => `| ${code(id)} ${zhCN.stationTypes[id]} | ${names.join('、')} |`),
    '',
    '**Services** (`services`):',
    '',
    '| service | values read as it |',
    '|---|---|',
    ...SERVICE_NAMES.map(({ id, names }) => `| ${code(id)} ${zhCN.services[id]} | ${names.join('、')} |`),
    '',
    END,
  ];
  return lines.join('\n');
}

describe('docs/guides/load-your-data.md', () => {
  it('lists exactly the headers and values of src/data/vocabulary.ts', () => {
    const guide = readFileSync(GUIDE, 'utf8');
    const start = guide.indexOf(START);
    const end = guide.indexOf(END);
    expect(start, 'the guide has the vocabulary markers').toBeGreaterThan(0);
    const rendered = renderVocabulary();
    if (process.env.UPDATE_DOCS === '1') {
      writeFileSync(GUIDE, guide.slice(0, start) + rendered + guide.slice(end + END.length));
      return;
    }
    expect(guide.slice(start, end + END.length), 'run UPDATE_DOCS=1 npx vitest run tests/unit/package/vocabulary-doc.test.ts').toBe(rendered);
  });
});
