/** Bytes as Excel and GIS tools save them: UTF-8 with and without BOM, GBK/GB18030, UTF-16. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../src/data/table/decode-bytes.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/table/${name}`, import.meta.url));
const utf8Text = fixture('union-stations.utf8.csv').toString('utf8');

describe('decodeBytes', () => {
  it('reads GBK bytes written by a real encoder (iconv -t GB18030) as GB18030', () => {
    const gbk = fixture('union-stations.gbk.csv');
    // The fixture really is GBK: not valid UTF-8, and shorter (two bytes a character, not three).
    expect(gbk.length).toBeLessThan(Buffer.byteLength(utf8Text));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(decodeBytes(gbk)).toEqual({ text: utf8Text, encoding: 'gb18030' });
  });

  it('reads UTF-8 with and without BOM, as Uint8Array and as ArrayBuffer', () => {
    expect(decodeBytes(fixture('union-stations.utf8.csv'))).toEqual({ text: utf8Text, encoding: 'utf-8' });
    expect(decodeBytes(fixture('union-stations.utf8-bom.csv'))).toEqual({ text: utf8Text, encoding: 'utf-8' });
    const bytes = new TextEncoder().encode('站点名称,经度\n');
    expect(decodeBytes(bytes.buffer.slice(0)).text).toBe('站点名称,经度\n');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const text = '站点名称\t经度\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
  });
});
