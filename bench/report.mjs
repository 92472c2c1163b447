/**
 * Formats bench rows as one table (aligned for the terminal, Markdown for
 * docs/benchmarks.md).
 */

const HEADERS = ['operation', 'data', 'N', 'ours', 'peer', 'peer median', 'peer ÷ ours', 'exact', 'target', 'ok'];

/** `0.0145 ms`, `4.37 ms`, `541 ms`, `30.0 MB`. */
export function formatValue(value, unit = 'ms') {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (unit !== 'ms') return `${value.toFixed(1)} ${unit}`;
  if (value < 0.1) return `${value.toFixed(4)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  return `${Math.round(value)} ms`;
}

function formatCount(n) {
  if (!n) return '';
  return n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : n.toLocaleString('en-US');
}

function formatRatio(row) {
  if (!row.ours || !row.peerMs) return '';
  const ratio = row.peerMs / row.ours;
  return `${ratio >= 10 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}

function toCells(row) {
  return [
    row.operation,
    row.data,
    formatCount(row.n),
    formatValue(row.ours, row.unit),
    row.peer ?? '',
    row.peer ? formatValue(row.peerMs, row.unit) : '',
    formatRatio(row),
    row.identical === undefined ? '' : row.identical ? 'yes' : 'NO',
    row.targets ?? '',
    row.pass === undefined ? '' : row.pass ? 'yes' : 'MISS',
  ];
}

/** The rows as an aligned plain-text table. */
export function formatTextTable(rows) {
  const cells = [HEADERS, ...rows.map(toCells)];
  const widths = HEADERS.map((_, c) => Math.max(...cells.map((line) => line[c].length)));
  const numeric = new Set([2, 3, 5, 6]);
  const line = (values) => values.map((v, c) => (numeric.has(c) ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(HEADERS), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** The rows as a Markdown table. */
export function formatMarkdownTable(rows) {
  const escape = (text) => text.replaceAll('|', '\\|');
  const align = HEADERS.map((_, c) => ([2, 3, 5, 6].includes(c) ? '--:' : '---'));
  return [HEADERS, align, ...rows.map(toCells)].map((cells) => `| ${cells.map(escape).join(' | ')} |`).join('\n');
}

/** Footnotes: each row's note, numbered in table order. */
export function formatNotes(rows) {
  return rows.filter((row) => row.note).map((row) => `- ${[row.operation, formatCount(row.n)].filter(Boolean).join(', ')}: ${row.note}`);
}
