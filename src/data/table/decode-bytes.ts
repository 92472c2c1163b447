/**
 * Turns the bytes of a station file into text, whatever Excel or a GIS tool saved it as: UTF-8
 * (with or without BOM), UTF-16 with a BOM (Excel's "Unicode text"), or, when the bytes are not
 * valid UTF-8, GB18030, the superset of GBK that Excel writes on Chinese Windows. Pure: runs in
 * Node and browsers (TextDecoder).
 */

/** The encodings {@link decodeBytes} tells apart. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Text decoded from bytes, and the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** True for the byte containers station data may come in: `ArrayBuffer`, `Uint8Array` (a Node `Buffer` is one). */
export function isBytes(input: unknown): input is ArrayBuffer | Uint8Array {
  return input instanceof Uint8Array || input instanceof ArrayBuffer;
}

/**
 * Decodes `bytes`: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); otherwise UTF-8 when the bytes are
 * valid UTF-8, else GB18030 (GBK files are never valid UTF-8 once they hold Chinese). The BOM is
 * not part of the text.
 *
 * @example decodeBytes(readFileSync('stations-gbk.csv')) // { text: '站点编号,站点名称…', encoding: 'gb18030' }
 */
export function decodeBytes(bytes: ArrayBuffer | Uint8Array): DecodedText {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const [b0, b1, b2] = view;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: new TextDecoder('utf-8').decode(view.subarray(3)), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: new TextDecoder('utf-16le').decode(view.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new TextDecoder('utf-16be').decode(view.subarray(2)), encoding: 'utf-16be' };
  try {
    // `fatal`: invalid UTF-8 throws instead of turning into U+FFFD, which is how GBK is told apart.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(view), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(view), encoding: 'gb18030' };
  }
}
