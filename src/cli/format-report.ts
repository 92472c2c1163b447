/**
 * The checker's report as plain text: no colours or box drawing, so it reads
 * the same in a Chinese Windows console, a CI log or a file it was piped to.
 */
import type { StationCheck, StationProblem } from '../data/check-stations.js';
import type { CliStrings, RowPlace } from './cli-strings.js';

/** Where the checked data came from, for the report's first line. */
export interface ReportSource {
  file: string;
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** How many sheets the workbook has. */
  sheets?: number;
}

/**
 * The report of `check` for one file, ending with a newline.
 *
 * @example formatReport(checkStations(text), { file: 'stations.csv' }, cliStrings('zh-CN'))
 */
export function formatReport(check: StationCheck, source: ReportSource, s: CliStrings): string {
  const lines: string[] = [s.read(source.file, source.sheet ?? null, source.sheets ?? 1)];
  lines.push(s.summary(check.total, check.stations.length, check.skipped.length), '');
  const byIndex = new Map<number, StationProblem[]>();
  for (const p of check.problems) {
    const list = byIndex.get(p.index);
    if (list) list.push(p);
    else byIndex.set(p.index, [p]);
  }
  const rowOf = (p: RowPlace) => placeWithId(p, s);

  if (check.skipped.length > 0) {
    lines.push(s.skippedHeading);
    for (const skip of check.skipped) {
      const problems = byIndex.get(skip.index) ?? [];
      const at: RowPlace & { id?: string } = {
        index: skip.index,
        ...(skip.row === undefined ? {} : { row: skip.row }),
        ...(skip.id === undefined ? {} : { id: skip.id }),
      };
      const duplicate = problems.find((p) => p.kind === 'duplicate-id');
      let text: string;
      if (duplicate) text = s.duplicate(duplicate.value ?? '', duplicate.first ? s.place(duplicate.first) : null);
      else {
        text = s.skipReason(skip.reason, skip.message);
        if (problems.some((p) => p.kind === 'swapped-coordinates')) text += s.swappedHint;
      }
      // The parser's English messages start with their own label ("Feature 2 ("TA-1") has …"), which ours replaces.
      const own = /^(?:Feature|Row) \d+(?: \("[^"]*"\))? (?=has |is )/.exec(text);
      lines.push(own ? `  ${rowOf(at)} ${text.slice(own[0].length)}` : `  ${rowOf(at)}${s.colon}${text}`);
    }
    lines.push('');
  }

  const warnings = check.problems.filter((p) => !p.skipped);
  if (warnings.length > 0) {
    lines.push(s.problemsHeading);
    for (const group of groupWarnings(warnings)) {
      const [p] = group;
      const where = group.length === 1 ? rowOf(p!) : s.places(group, MAX_PLACES);
      lines.push(`  ${where}${s.colon}${describeProblem(p!, s)}`);
    }
    lines.push('');
  }
  lines.push(check.skipped.length === 0 ? s.verdictOk : s.verdictSkipped(check.skipped.length));
  return `${lines.join('\n')}\n`;
}

/** Row numbers listed for one repeated fault before "… (N in all)". */
const MAX_PLACES = 10;

/**
 * Warnings in row order, those about the same value (one unreadable hours
 * text on forty rows) as one group at its first row, so a real sheet's
 * report stays a screen long. Coordinates are always per row.
 */
function groupWarnings(warnings: readonly StationProblem[]): StationProblem[][] {
  const groups: StationProblem[][] = [];
  const byValue = new Map<string, StationProblem[]>();
  for (const p of warnings) {
    if (p.kind === 'swapped-coordinates' || p.kind === 'outside-china' || p.kind === 'duplicate-id') {
      groups.push([p]);
      continue;
    }
    const key = `${p.kind}\u0000${p.field}\u0000${p.value}`;
    const group = byValue.get(key);
    if (group) group.push(p);
    else {
      const created = [p];
      byValue.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

function placeWithId(at: RowPlace & { id?: string }, s: CliStrings): string {
  return at.id === undefined ? s.place(at) : `${s.place(at)}${s.colon === '：' ? `（${at.id}）` : ` (${at.id})`}`;
}

function describeProblem(p: StationProblem, s: CliStrings): string {
  const value = p.value ?? '';
  const field = p.field ?? '';
  switch (p.kind) {
    case 'swapped-coordinates':
      return s.swapped(value);
    case 'outside-china':
      return s.outsideChina(value);
    case 'unknown-type':
      return s.unknownValue(field, value, p.suggestion ?? null, 'type');
    case 'unknown-service':
      return s.unknownValue(field, value, p.suggestion ?? null, 'service');
    case 'unreadable-hours':
      return s.unreadableHours(field, value);
    case 'duplicate-id':
      return s.duplicate(value, p.first ? s.place(p.first) : null);
  }
}
