#!/usr/bin/env node
/**
 * Writes demo/data/stations-gbk.csv: the demo's SAMPLE stations (demo/data/stations.geojson, made
 * by generate-sample.mjs) as a city union would keep them: a spreadsheet with Chinese headers and
 * Chinese values (站点类型 "户外劳动者服务站", 服务项目 "饮水、热水、如厕"), saved by Excel on
 * Chinese Windows as GBK-encoded CSV with CRLF line ends. Two rows at the end are broken on
 * purpose (no coordinates; latitude and longitude swapped) so the demo shows how skipped rows
 * are reported. Nothing here is real: see generate-sample.mjs.
 *
 * The GBK encoder is built from the platform's own GBK decoder (every two-byte sequence decoded
 * once, the table inverted), so no encoding package is needed and runs are byte-identical.
 *
 * Usage: node demo/scripts/generate-sample-csv.mjs [outDir]   (after generate-sample.mjs; default: demo/data)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../data/', import.meta.url));
const OUT = process.argv[2] ? `${process.argv[2].replace(/\/$/, '')}/` : DATA;

const TYPE_NAMES = {
  'union-station': '工会驿站',
  'outdoor-worker-station': '户外劳动者服务站',
  'service-center': '职工服务中心',
  'mommy-room': '爱心妈咪小屋',
  'driver-home': '司机之家',
  'reading-room': '职工书屋',
};
const SERVICE_NAMES = {
  water: '饮水', 'hot-water': '热水', meals: '就餐', microwave: '微波炉', toilet: '如厕', rest: '休息',
  charging: '手机充电', 'first-aid': '应急救护', 'air-conditioning': '空调', heating: '暖气', wifi: '无线网络',
  books: '图书', 'health-check': '健康检测', counseling: '心理疏导', 'legal-aid': '法律援助', nursing: '哺乳',
  repair: '维修', umbrella: '借伞', parking: '停车', 'battery-swap': '电瓶车换电', haircut: '理发',
  donations: '爱心互献', medicine: '应急药品',
};

const HEADERS = ['序号', '站点编号', '站点名称', '站点类型', '所属区县', '详细地址', '经度', '纬度', '开放时间', '联系电话', '站长', '服务项目', '荣誉', '评价链接', '备注'];

const collection = JSON.parse(readFileSync(`${DATA}stations.geojson`, 'utf8'));
const rows = collection.features.map((f, i) => {
  const p = f.properties;
  const [lng, lat] = f.geometry.coordinates;
  return [
    String(i + 1),
    p.id,
    p.name,
    TYPE_NAMES[p.type] ?? p.type ?? '',
    p.district ?? '',
    p.address ?? '',
    String(lng),
    String(lat),
    p.hours ?? '',
    p.phone ?? '',
    p.manager ?? '',
    (p.services ?? []).map((s) => SERVICE_NAMES[s] ?? s).join('、'),
    (p.honors ?? []).join('、'),
    p.rating_url ?? '',
    '示例数据，非真实站点',
  ];
});
const n = rows.length;
rows.push([String(n + 1), 'TA-9001', '坐标缺失示例驿站', '工会驿站', '泰山区', '泰安市泰山区（坐标未填）', '', '', '24小时', '', '', '饮水', '', '', '示例：故意留空坐标']);
rows.push([String(n + 2), 'TA-9002', '经纬度颠倒示例驿站', '爱心驿站', '岱岳区', '泰安市岱岳区', '36.18', '117.09', '08:00-18:00', '', '', '饮水、热水', '', '', '示例：经纬度填反']);

/** One CSV field, quoted when it holds a comma, a quote or a line break (as Excel does). */
const field = (value) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const text = [HEADERS, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';

writeFileSync(`${OUT}stations-gbk.csv`, encodeGbk(text));
console.log(`wrote ${OUT}stations-gbk.csv: ${rows.length} rows (${n} sample stations, 2 broken on purpose)`);

/** GBK bytes of `text` (ASCII as is, every other character from the inverted decoder table). */
function encodeGbk(text) {
  const decoder = new TextDecoder('gbk');
  const table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const out = [];
  for (const char of text) {
    const code = char.codePointAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`"${char}" has no GBK code`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
