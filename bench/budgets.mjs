/**
 * Performance budgets and targets. `quick: true` ones are checked by
 * `npm run bench -- --quick` (CI) and fail it; the rest are the issue's
 * national-scale targets, shown in the full run's table.
 */

/** @typedef {{ id: string | RegExp, field: 'ours' | 'ratio', max?: number, min?: number, quick: boolean }} Budget */

/** @type {Budget[]} */
export const BUDGETS = [
  { id: 'nearest-k10-cities-100000', field: 'ours', max: 0.05, quick: true },
  { id: 'cluster-build-100000', field: 'ours', max: 300, quick: true },
  { id: 'bundle-gzip', field: 'ours', max: 80, quick: true },
  { id: 'browser-render-100000', field: 'ours', max: 300, quick: true },
  { id: /^nearest-k10-(cities|uniform)-1000000$/, field: 'ours', max: 0.05, quick: false },
  { id: /^cluster-view-z\d+-1000000$/, field: 'ours', max: 16, quick: false },
  { id: 'browser-render-100000', field: 'ratio', min: 20, quick: false },
  { id: 'browser-heap-100000', field: 'ours', max: 60, quick: false },
  // A union's CSV (Chinese headers and values) within 1.5× of the same stations as GeoJSON text.
  { id: 'parse-csv-100000', field: 'ratio', min: 0.67, quick: false },
  // National scale: a million stations load in time slices (300k in --quick).
  { id: /^browser-render-(300000|1000000)$/, field: 'ours', max: 3000, quick: true },
  { id: /^browser-longtask-(300000|1000000)$/, field: 'ours', max: 50, quick: true },
  { id: /^browser-pan-(300000|1000000)$/, field: 'ours', max: 16, quick: true },
  // A city's first view on a cheap phone over a mobile network (bench/browser/cheap-phone.mjs).
  { id: 'phone-clusters-400', field: 'ours', max: 1200, quick: false },
  { id: 'phone-clusters-400', field: 'ratio', min: 1.3, quick: false },
  { id: 'phone-list-400', field: 'ours', max: 1400, quick: false },
  { id: 'phone-longtask-400', field: 'ours', max: 150, quick: false },
  { id: 'phone-list-10000', field: 'ours', max: 3500, quick: false },
  { id: 'phone-longtask-10000', field: 'ours', max: 200, quick: false },
  { id: 'phone-clusters-10000', field: 'ratio', min: 1.3, quick: false },
  // The national map from a PMTiles archive on the same phone (bench/browser/national-phone.mjs).
  { id: /^national-clusters-(186100|1000000)$/, field: 'ours', max: 2500, quick: false },
  { id: /^national-bytes-(186100|1000000)$/, field: 'ours', max: 300, quick: false },
  { id: /^national-city-(186100|1000000)$/, field: 'ours', max: 1000, quick: false },
  { id: /^national-nearest-(186100|1000000)$/, field: 'ours', max: 1500, quick: false },
  { id: /^national-longtask-(186100|1000000)$/, field: 'ours', max: 200, quick: false },
];

function describe(row) {
  return row.n ? `${row.operation} (${row.n})` : row.operation;
}

function matches(budget, row) {
  return typeof budget.id === 'string' ? budget.id === row.id : budget.id.test(row.id);
}

/** The measured value a budget looks at: our median, or how many times faster than the peer. */
export function readField(row, field) {
  if (field === 'ratio') return row.ours && row.peerMs ? row.peerMs / row.ours : null;
  return row.ours;
}

/**
 * Checks the rows against the budgets that apply in this mode. Every row gets
 * `targets` (text such as `≤ 0.05 ms`) and `pass` (true, false, or undefined
 * when no budget applies); a row whose answers differ from brute force fails.
 *
 * @param {object[]} rows
 * @param {{ quick: boolean }} options
 * @returns {{ rows: object[], failures: string[] }}
 */
export function checkBudgets(rows, { quick }) {
  const failures = [];
  const checked = rows.map((row) => {
    const targets = [];
    let pass;
    for (const budget of BUDGETS) {
      if (!matches(budget, row) || (quick && !budget.quick)) continue;
      const value = readField(row, budget.field);
      const unit = budget.field === 'ratio' ? '× faster' : ` ${row.unit ?? 'ms'}`;
      const text = budget.max !== undefined ? `≤ ${budget.max}${unit}` : `≥ ${budget.min}${unit}`;
      targets.push(text);
      const ok = value !== null && value !== undefined && (budget.max !== undefined ? value <= budget.max : value >= budget.min);
      pass = (pass ?? true) && ok;
      if (!ok) failures.push(`${describe(row)}: ${value === null || value === undefined ? 'not measured' : `${value.toPrecision(3)}${unit}`}, target ${text}`);
    }
    if (row.identical === false) {
      pass = false;
      failures.push(`${describe(row)}: answers differ from a brute-force scan`);
    }
    return { ...row, targets: targets.join(', '), pass };
  });
  return { rows: checked, failures };
}
