/**
 * Finds the known name a mistyped or unfamiliar value most likely meant, for
 * the data checker's "did you mean" hints ("饮用水" → "饮水", "wtaer" → "water").
 * Pure and small so that a web page can give the same hints as the command.
 */

/**
 * The candidate closest to `value`, or `null` when none is close enough to be
 * a useful hint. Closeness is the share of characters the two have in common
 * (which suits short Chinese words, where one added or changed character is a
 * third of the word) with the edit distance breaking ties; case, width and
 * surrounding spaces are ignored. An exact match (after that folding) is not
 * a suggestion and yields `null` too.
 *
 * @example suggestName('饮用水', ['饮水', '热水', '如厕']) // '饮水'
 * @example suggestName('wtaer', ['water', 'toilet']) // 'water'
 * @example suggestName('停车场', ['饮水', '热水']) // null
 */
export function suggestName(value: string, candidates: Iterable<string>): string | null {
  const wanted = fold(value);
  if (wanted === '') return null;
  // Latin letters repeat across unrelated words (parking, charging), so there typos count;
  // a Chinese character carries meaning, so there shared characters count.
  const latin = /^\p{ASCII}*$/u.test(wanted);
  let best: string | null = null;
  let bestShare = 0;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const known = fold(candidate);
    if (known === '' || latin !== /^\p{ASCII}*$/u.test(known)) continue;
    if (known === wanted) return null;
    const share = sharedShare(wanted, known);
    const distance = editDistance(wanted, known);
    const better = latin
      ? distance < bestDistance || (distance === bestDistance && share > bestShare)
      : share > bestShare || (share === bestShare && distance < bestDistance);
    if (better) {
      best = candidate;
      bestShare = share;
      bestDistance = distance;
    }
  }
  if (best === null) return null;
  // One slip per three letters; half the characters in common.
  return latin ? (bestDistance <= Math.floor(Math.max(wanted.length, fold(best).length) / 3) ? best : null) : bestShare >= 0.5 ? best : null;
}

function fold(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

/** Dice coefficient over characters: 2 × shared characters / total characters, from 0 to 1. */
function sharedShare(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  const counts = new Map<string, number>();
  for (const ch of left) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of right) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Edit distance over code points: inserting, deleting or replacing a character,
 * or swapping two neighbours (the commonest typo), each costs 1.
 *
 * @example editDistance('饮用水', '饮水') // 1
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = [Array.from({ length: t.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[s.length]![t.length]!;
}
