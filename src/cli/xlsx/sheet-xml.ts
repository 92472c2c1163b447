/**
 * Just enough XML reading for the parts of an .xlsx the checker needs: a
 * workbook's sheet list, shared strings, number formats and one sheet's cells.
 * These parts are machine-written by Excel, WPS or LibreOffice in a fixed,
 * flat shape, so a few patterns read them; a general XML parser would be a
 * dependency for no gain.
 */

/** A cell as stored: its 0-based row and column, type attribute `t`, style index `s` and raw text. */
export interface RawCell {
  row: number;
  col: number;
  type: string;
  style: number;
  /** `<v>` text, or the joined `<t>` runs of an inline string; '' for an empty cell. */
  value: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces XML entities and character references, and Excel's `_x000D_` escapes. */
export function decodeXmlText(text: string): string {
  return text
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex: string, dec: string, name: string) => {
      if (hex) return String.fromCodePoint(parseInt(hex, 16));
      if (dec) return String.fromCodePoint(parseInt(dec, 10));
      return ENTITIES[name] ?? whole;
    })
    .replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of one start tag's attribute text, by local name (`r:id` → `id`). */
export function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = match[1]!;
    attributes[name.slice(name.indexOf(':') + 1)] = decodeXmlText(match[2] ?? match[3] ?? '');
  }
  return attributes;
}

/** Every start tag `<name …>` (or self-closing) in `xml`, as attribute maps. */
export function readTags(xml: string, name: string): Record<string, string>[] {
  const pattern = new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)/?>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => readAttributes(m[1]!));
}

/**
 * The visible text of a string item (`<si>` or `<is>`): its `<t>` runs joined,
 * without the phonetic guides (`<rPh>`) East Asian Excel stores beside them.
 */
export function readStringItem(xml: string): string {
  const text = xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let out = '';
  for (const m of text.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += decodeXmlText(m[1] ?? '');
  return out;
}

/** The shared-string table of `xl/sharedStrings.xml`. */
export function readSharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)].map((m) => readStringItem(m[1] ?? ''));
}

/** Column letters of a cell reference (`AB12` → 27), 0-based; -1 when there are none. */
export function readColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/**
 * Every cell of a worksheet's `<sheetData>`, in document order. Cells without
 * an `r` reference (allowed by the standard, written by some generators) take
 * the next column and row.
 */
export function readCells(xml: string): RawCell[] {
  const cells: RawCell[] = [];
  let row = -1;
  for (const rowMatch of xml.matchAll(/<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)) {
    const rowNumber = Number(readAttributes(rowMatch[1]!).r);
    row = Number.isInteger(rowNumber) && rowNumber > 0 ? rowNumber - 1 : row + 1;
    let col = -1;
    for (const m of (rowMatch[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const attributes = readAttributes(m[1]!);
      const fromRef = attributes.r ? readColumn(attributes.r) : -1;
      col = fromRef >= 0 ? fromRef : col + 1;
      const body = m[2] ?? '';
      const type = attributes.t ?? 'n';
      let value: string;
      if (type === 'inlineStr') {
        const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
        value = is ? readStringItem(is[1]!) : '';
      } else {
        const v = /<(?:\w+:)?v\b[^>]*>([\s\S]*?)<\/(?:\w+:)?v>/.exec(body);
        value = v ? decodeXmlText(v[1]!) : '';
      }
      cells.push({ row, col, type, style: Number(attributes.s ?? 0) || 0, value });
    }
  }
  return cells;
}
