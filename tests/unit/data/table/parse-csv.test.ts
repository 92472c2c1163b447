/** The CSV/TSV reader on what Excel, WPS and hand-edited files contain. */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../../src/data/table/parse-csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks inside', () => {
    expect(parseCsv('编号,名称,地址\r\nA1,"红门驿站,东","岱庙街\n北门旁"\r\nA2,"说""你好""",x\r\n')).toEqual([
      ['编号', '名称', '地址'],
      ['A1', '红门驿站,东', '岱庙街\n北门旁'],
      ['A2', '说"你好"', 'x'],
    ]);
  });

  it('keeps full-width commas inside unquoted values', () => {
    expect(parseCsv('a,b\n泰安市，红门路,117.13，36.21')).toEqual([['a', 'b'], ['泰安市，红门路', '117.13，36.21']]);
  });

  it('keeps blank rows and trailing empty columns as records (row i is spreadsheet row i + 1)', () => {
    expect(parseCsv('a,b,,\n\n1,2,,\n,,,\n')).toEqual([['a', 'b', '', ''], [''], ['1', '2', '', ''], ['', '', '', '']]);
    expect(parseCsv('a,b,')).toEqual([['a', 'b', '']]);
  });

  it('handles LF, CRLF and old-Mac CR line ends, a BOM, and no final line break', () => {
    expect(parseCsv('\uFEFFa,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('"a"\r\n"b"\r\n')).toEqual([['a'], ['b']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('is lenient with stray and unterminated quotes', () => {
    expect(parseCsv('a"b,"c"d\n"open,e')).toEqual([['a"b', 'cd'], ['open,e']]);
  });

  it('reads TSV (Excel "Unicode text") and detects the delimiter from the first line', () => {
    expect(detectDelimiter('站点编号\t站点名称\t地址\n')).toBe('\t');
    expect(detectDelimiter('a,b\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n')).toBe(';');
    expect(parseCsv('a\tb\n1,5\t"x\ty"')).toEqual([['a', 'b'], ['1,5', 'x\ty']]);
  });
});
