import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/cli/xlsx/format-cell.js';
import { readXlsx, XlsxError } from '../../../src/cli/xlsx/read-xlsx.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/tables/${name}`, import.meta.url)));

/** A workbook shaped as Excel writes one: shared strings (with a rich-text run and a phonetic guide), styles, two sheets. */
function excelLikeWorkbook({ date1904 = false } = {}): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${ns}><workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets>` +
        '<sheet name="隐藏" sheetId="3" state="hidden" r:id="rId3"/><sheet name="驿站" sheetId="1" r:id="rId1"/><sheet name="说明" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId2" Type="worksheet" Target="worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId1" Type="worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId3" Type="worksheet" Target="worksheets/sheet3.xml"/></Relationships>',
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst ${ns} count="5" uniqueCount="5">` +
        '<si><t>站点编号</t></si><si><t>站点名称</t></si>' +
        '<si><r><rPr><b/></rPr><t>红门</t></r><r><t xml:space="preserve">工会驿站 &amp; 书屋</t></r><rPh sb="0" eb="2"><t>ホンメン</t></rPh></si>' +
        '<si><t>联系电话</t></si><si><t>行一_x000D_\n行二</t></si></sst>',
    ),
    'xl/styles.xml': strToU8(
      `<styleSheet ${ns}><numFmts count="2"><numFmt numFmtId="164" formatCode="0000"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
        '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="2"/></cellXfs></styleSheet>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet ${ns}><sheetData>` +
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row>' +
        '<row r="2"><c r="A2" s="1"><v>538</v></c><c r="B2" t="s"><v>2</v></c><c r="C2"><v>13800138000</v></c><c r="E2" s="3"><v>45047</v></c></row>' +
        '<row r="4"><c r="A4" t="str"><f>A2&amp;"-1"</f><v>0538-1</v></c><c r="B4" t="s"><v>4</v></c><c r="C4" t="b"><v>1</v></c><c r="D4"><v>0.30000000000000004</v></c><c r="E4" s="2"><v>45047.5</v></c><c r="F4" s="4"><v>117.1</v></c></row>' +
        '</sheetData></worksheet>',
    ),
    'xl/worksheets/sheet2.xml': strToU8(`<worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>说明</t></is></c></row></sheetData></worksheet>`),
    'xl/worksheets/sheet3.xml': strToU8(`<worksheet ${ns}><sheetData/></worksheet>`),
  });
}

describe('readXlsx', () => {
  it('reads the first visible sheet of an Excel-shaped workbook as the text the cells show', () => {
    const sheet = readXlsx(excelLikeWorkbook());
    expect(sheet.name).toBe('驿站');
    expect(sheet.sheetNames).toEqual(['隐藏', '驿站', '说明']);
    expect(sheet.rows).toEqual([
      ['站点编号', '站点名称', '联系电话'],
      // A code kept as the number 538 under format 0000; a phone number as all its digits; a Chinese date format.
      ['0538', '红门工会驿站 & 书屋', '13800138000', '', '2023-05-01'],
      [],
      ['0538-1', '行一\r\n行二', 'TRUE', '0.3', '2023-05-01', '117.10'],
    ]);
  });

  it('counts dates from 1904 when the workbook says so', () => {
    expect(readXlsx(excelLikeWorkbook({ date1904: true })).rows[1]![4]).toBe('2027-05-02');
  });

  it('reads a workbook written by another program (openpyxl: inline strings, custom formats)', () => {
    const sheet = readXlsx(fixture('stations-faults.xlsx'));
    expect(sheet.name).toBe('驿站名单');
    expect(sheet.rows[0]).toEqual(['站点编号', '站点名称', '站点类型', '详细地址', '经度', '纬度', '开放时间', '联系电话', '站长', '服务项目', '建站日期']);
    expect(sheet.rows[1]).toEqual(['0538', '泰山区红门工会驿站', '工会驿站', '泰安市泰山区红门路1号', '117.1306', '36.2106', '周一至周日 8:00-20:00', '13800138000', '王芳', '饮水、热水、如厕', '2023-05-01']);
    expect(sheet.rows).toHaveLength(9);
  });

  it('says an old .xls or a non-zip is not a workbook', () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => readXlsx(xls)).toThrow(expect.objectContaining({ code: 'xls' }));
    expect(() => readXlsx(strToU8('站点编号,站点名称\n'))).toThrow(XlsxError);
    expect(() => readXlsx(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toThrow(/workbook/);
  });
});

describe('formatNumber', () => {
  it('shows numbers as Excel does under common formats', () => {
    expect(formatNumber(538, '0000')).toBe('0538');
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(0.25, '0%')).toBe('25%');
    expect(formatNumber(-3, '0.0')).toBe('-3.0');
    expect(formatNumber(123456789012, 'General')).toBe('123456789012');
    expect(formatNumber(0.5, 'h:mm')).toBe('12:00');
    expect(formatNumber(45047, '[$-804]yyyy"年"m"月"d"日";@')).toBe('2023-05-01');
  });
});
