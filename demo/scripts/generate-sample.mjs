#!/usr/bin/env node
/**
 * Writes the demo's SAMPLE data for Tai'an (泰安市): ~400 invented service stations,
 * a path network (Mount Tai climbing route, the 天外村 bus road, a downtown grid cut by
 * the 奈河 with two bridges), the river itself for display, and a file with deliberately
 * broken features for the error-reporting demo.
 *
 * Nothing here is real: names, phones and managers are generated. Positions are
 * plausible, not surveyed. A seeded PRNG makes every run byte-identical, so the
 * committed files only change when this script does.
 *
 * Usage: node demo/scripts/generate-sample.mjs [outDir]   (default: demo/data)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 0x7a1a2024;
const STATION_COUNT = 400;

// mulberry32: tiny, fast and good enough for sample data; Math.random cannot be seeded.
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(SEED);
const randomInt = (min, max) => min + Math.floor(random() * (max - min + 1));
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
// Box–Muller: downtown stations cluster around the centre like a real city's do.
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const round6 = (x) => Math.round(x * 1e6) / 1e6;
const M_PER_DEG_LAT = 111320;
const M_PER_DEG_LNG = 111320 * Math.cos((36.2 * Math.PI) / 180);
const offsetMeters = ([lng, lat], east, north) => [
  round6(lng + east / M_PER_DEG_LNG),
  round6(lat + north / M_PER_DEG_LAT),
];

// ---------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------

const TYPES = {
  'union-station': { zh: '工会驿站', en: 'Union Station' },
  'outdoor-worker-station': { zh: '户外劳动者服务站', en: "Outdoor Workers' Service Station" },
  'service-center': { zh: '职工服务中心', en: "Workers' Service Center" },
  'mommy-room': { zh: '爱心妈咪小屋', en: 'Caring Mommy Room' },
  'driver-home': { zh: '司机之家', en: "Drivers' Home" },
  'reading-room': { zh: '职工书屋', en: "Workers' Reading Room" },
};

const SERVICES = [
  'water', 'hot-water', 'meals', 'microwave', 'toilet', 'rest', 'charging', 'first-aid',
  'air-conditioning', 'heating', 'wifi', 'books', 'health-check', 'counseling', 'legal-aid',
  'nursing', 'repair', 'umbrella', 'parking', 'battery-swap', 'haircut', 'donations', 'medicine',
];

// Weighted service pools per type: what such a station usually offers first.
const SERVICE_POOLS = {
  'union-station': ['water', 'hot-water', 'rest', 'charging', 'microwave', 'toilet', 'first-aid', 'air-conditioning', 'heating', 'wifi', 'umbrella', 'medicine', 'repair', 'battery-swap', 'meals', 'books', 'haircut', 'donations'],
  'outdoor-worker-station': ['water', 'hot-water', 'rest', 'charging', 'microwave', 'toilet', 'first-aid', 'air-conditioning', 'heating', 'umbrella', 'medicine', 'battery-swap', 'repair', 'wifi', 'meals', 'donations', 'haircut'],
  'service-center': ['legal-aid', 'counseling', 'health-check', 'books', 'wifi', 'water', 'hot-water', 'rest', 'toilet', 'first-aid', 'air-conditioning', 'heating', 'donations', 'haircut', 'medicine'],
  'mommy-room': ['nursing', 'water', 'hot-water', 'rest', 'air-conditioning', 'heating', 'microwave', 'toilet', 'first-aid', 'wifi', 'counseling', 'medicine'],
  'driver-home': ['parking', 'meals', 'rest', 'toilet', 'hot-water', 'water', 'wifi', 'repair', 'charging', 'microwave', 'first-aid', 'air-conditioning', 'heating', 'medicine', 'haircut', 'legal-aid'],
  'reading-room': ['books', 'wifi', 'water', 'hot-water', 'rest', 'air-conditioning', 'heating', 'counseling', 'charging', 'toilet'],
};

const PINYIN = {
  泰山区: 'Taishan District', 岱岳区: 'Daiyue District', 新泰市: 'Xintai', 肥城市: 'Feicheng',
  宁阳县: 'Ningyang County', 东平县: 'Dongping County',
  环山路: 'Huanshan Road', 东岳大街: 'Dongyue Street', 财源大街: 'Caiyuan Street',
  灵山大街: 'Lingshan Street', 泰山大街: 'Taishan Street', 南湖大街: 'Nanhu Street',
  长城路: 'Changcheng Road', 龙潭路: 'Longtan Road', 温泉路: 'Wenquan Road', 青年路: 'Qingnian Road',
  岱宗大街: 'Daizong Street', 擂鼓石大街: 'Leigushi Street', 迎胜路: 'Yingsheng Road',
  花园路: 'Huayuan Road', 望岳路: 'Wangyue Road', 红门路: 'Hongmen Road', 虎山路: 'Hushan Road',
  通天街: 'Tongtian Street', 文化路: 'Wenhua Road', 升平街: 'Shengping Street', 泮河大街: 'Panhe Street',
  青云路: 'Qingyun Road', 府前大街: 'Fuqian Street', 平阳路: 'Pingyang Road', 金斗路: 'Jindou Road',
  新汶大街: 'Xinwen Street', 东周路: 'Dongzhou Road', 龙山路: 'Longshan Road', 长山街: 'Changshan Street',
  新城路: 'Xincheng Road', 泰西大街: 'Taixi Street', 向阳街: 'Xiangyang Street', 凤山大街: 'Fengshan Street',
  七贤路: 'Qixian Road', 金阳大街: 'Jinyang Street', 宁阳大街: 'Ningyang Street', 复圣路: 'Fusheng Road',
  佛山街: 'Foshan Street', 东山路: 'Dongshan Road', 西山路: 'Xishan Road', 东原路: 'Dongyuan Road',
  白佛山路: 'Baifoshan Road', 湖滨路: 'Hubin Road', 泰肥路: 'Taifei Road', 泰新路: 'Taixin Road',
  京台路: 'Jingtai Road', 大汶口路: 'Dawenkou Road',
};

const DOWNTOWN_TOWNS = {
  泰山区: ['岱庙街道', '财源街道', '泰前街道', '上高街道', '徐家楼街道', '省庄镇', '邱家店镇'],
  岱岳区: ['粥店街道', '天平街道', '北集坡街道'],
};

// County seats and towns. Positions are approximate; σ keeps the spread town-sized.
const COUNTIES = [
  {
    district: '岱岳区', count: 40, roads: ['泰肥路', '泰新路', '京台路', '大汶口路', '文化路'],
    seat: null,
    towns: [['满庄镇', 117.05, 36.1], ['大汶口镇', 117.082, 35.962], ['范镇', 117.25, 36.152], ['山口镇', 117.2, 36.052], ['夏张镇', 116.952, 36.183], ['道朗镇', 116.985, 36.282], ['黄前镇', 117.222, 36.29], ['房村镇', 116.982, 36.032], ['良庄镇', 117.17, 36.142], ['马庄镇', 117.118, 36.0]],
  },
  {
    district: '新泰市', count: 52, roads: ['青云路', '府前大街', '平阳路', '金斗路', '新汶大街', '东周路'],
    seat: ['青云街道', 117.767, 35.909],
    towns: [['新汶街道', 117.672, 35.88], ['羊流镇', 117.632, 36.102], ['楼德镇', 117.302, 35.832], ['翟镇', 117.692, 35.932], ['东都镇', 117.842, 35.93], ['小协镇', 117.722, 35.99], ['汶南镇', 117.93, 35.832]],
  },
  {
    district: '肥城市', count: 46, roads: ['龙山路', '长山街', '新城路', '泰西大街', '向阳街', '凤山大街'],
    seat: ['新城街道', 116.768, 36.182],
    towns: [['石横镇', 116.552, 36.202], ['王瓜店街道', 116.752, 36.222], ['湖屯镇', 116.882, 36.122], ['安驾庄镇', 116.862, 36.002], ['边院镇', 116.702, 36.082], ['汶阳镇', 116.802, 35.982], ['桃园镇', 116.552, 36.102]],
  },
  {
    district: '宁阳县', count: 32, roads: ['七贤路', '金阳大街', '宁阳大街', '复圣路', '文化路'],
    seat: ['文庙街道', 116.805, 35.758],
    towns: [['磁窑镇', 116.952, 35.852], ['华丰镇', 116.902, 35.802], ['东疏镇', 116.702, 35.802], ['蒋集镇', 116.652, 35.722], ['泗店镇', 116.882, 35.702], ['伏山镇', 116.752, 35.852]],
  },
  {
    district: '东平县', count: 28, roads: ['佛山街', '东山路', '西山路', '东原路', '白佛山路', '湖滨路'],
    seat: ['东平街道', 116.47, 35.936],
    towns: [['州城街道', 116.422, 35.922], ['彭集街道', 116.522, 35.962], ['沙河站镇', 116.582, 36.002], ['接山镇', 116.602, 36.032], ['老湖镇', 116.312, 36.022], ['梯门镇', 116.352, 36.102], ['斑鸠店镇', 116.232, 35.99]],
  },
];

// Host organisations put their own name on many stations.
const HOSTS = [
  ['国网泰安供电公司', 'State Grid Tai\'an'], ['中国邮政泰安分公司', 'China Post Tai\'an'],
  ['泰安市环境卫生管理处', "Tai'an Sanitation Office"], ['泰安火车站', "Tai'an Railway Station"],
  ['泰安汽车站', "Tai'an Bus Station"], ['泰安银座商城', 'Yinzuo Mall'], ['万达广场', 'Wanda Plaza'],
  ['泰安市中心医院', "Tai'an Central Hospital"], ['中国工商银行泰安分行', "ICBC Tai'an"],
  ['泰山学院', 'Taishan University'], ['泰安高铁站', "Tai'an HSR Station"], ['泰安市公交公司', "Tai'an Bus Company"],
  ['中国建设银行泰安分行', "CCB Tai'an"], ['泰安宝龙广场', 'Baolong Plaza'], ['泰安市总工会', "Tai'an Federation of Trade Unions"],
];

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split('');
const GIVEN = ['秀英', '桂英', '丽', '静', '敏', '伟', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚', '建国', '建华', '志强', '海燕', '红梅', '玉兰', '春生', '立新', '泰山', '岱峰', '文华', '晓东', '玉梅', '德胜', '凤英', '国庆', '学军', '振华', '爱华', '红霞'];

const HONORS = ['最美工会户外劳动者服务站', '全国示范工会驿站', '省级优秀户外劳动者服务站点', '泰安市五星级工会驿站', '全国模范职工之家'];

// Hours in every form the spec names, plus free text that must show as "unknown".
const HOURS_24 = ['24/7', '24小时', '24/7', '全天24小时开放'];
const HOURS_BY_TYPE = {
  default: ['08:00-20:00', '07:00-19:00', '周一至周五 08:00-18:00', 'Mo-Fr 08:00-18:00; Sa,Su 09:00-12:00', '07:00-11:00,14:00-19:00', '22:00-06:00', 'Mo-Sa 08:00-17:30; Su off', '06:00-22:00', '08:30-17:30', '夏季 06:00-21:00', '以现场公示为准'],
  'mommy-room': ['周一至周五 08:30-17:30', 'Mo-Fr 08:30-17:30', '09:00-21:00', 'Mo-Su 09:00-21:00'],
  'service-center': ['周一至周五 09:00-17:00', 'Mo-Fr 08:30-12:00,13:30-17:30', 'Mo-Fr 09:00-17:00; Sa 09:00-12:00; Su off'],
  'reading-room': ['09:00-21:00', 'Mo-Fr 14:00-21:00; Sa,Su 09:00-21:00', '周一至周五 08:00-18:00'],
};

const typeWeights = [
  ['union-station', 36], ['outdoor-worker-station', 36], ['service-center', 9],
  ['mommy-room', 10], ['reading-room', 9],
];
function pickType() {
  const total = typeWeights.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [type, w] of typeWeights) {
    if ((r -= w) < 0) return type;
  }
  return typeWeights[0][0];
}

// ---------------------------------------------------------------------------
// Path network
// ---------------------------------------------------------------------------

const RIVER_LNG = 117.1175;
const GRID = {
  west: 117.06,
  east: 117.16,
  // E–W streets: [name, lat, highway]; the river is crossed only on the `bridge` ones.
  ew: [
    ['环山路', 36.201, 'primary', false],
    ['东岳大街', 36.1965, 'primary', true],
    ['财源大街', 36.1905, 'primary', false],
    ['灵山大街', 36.185, 'primary', true],
    ['泰山大街', 36.178, 'primary', false],
    ['南湖大街', 36.171, 'residential', false],
  ],
  // N–S streets: [name, lng, highway, south, north]
  ns: [
    ['长城路', 117.065, 'primary', 36.171, 36.201],
    ['龙潭路', 117.081, 'primary', 36.171, 36.201],
    ['温泉路', 117.097, 'residential', 36.171, 36.201],
    ['青年路', 117.1105, 'primary', 36.171, 36.201],
    ['岱宗大街', 117.1268, 'primary', 36.171, 36.1905],
    ['擂鼓石大街', 117.1395, 'residential', 36.171, 36.201],
    ['迎胜路', 117.153, 'primary', 36.171, 36.201],
  ],
};

// Extra vertices other lines join at, so every junction is a shared vertex.
const TIANWAI = [117.097, 36.201]; // 天外村 on 环山路 at 温泉路
const TRAIL_START = [117.1268, 36.1937]; // 岱庙

// Mount Tai climbing route: keypoints in order with how the section before them looks.
// waves/amp make the zig-zag of switchbacks; steps sections are tight, paths loose.
const TRAIL_KEYPOINTS = [
  { name: '岱庙', at: TRAIL_START },
  { name: '东岳大街口', at: [117.1268, 36.1965], n: 3, amp: 0, waves: 0, highway: 'footway' },
  { name: '岱宗坊', at: [117.1282, 36.201], n: 5, amp: 8, waves: 1, highway: 'footway', road: '红门路' },
  { name: '红门', at: [117.13, 36.212], n: 10, amp: 15, waves: 2, highway: 'footway', road: '红门路' },
  { name: '万仙楼', at: [117.1296, 36.2152], n: 6, amp: 12, waves: 2, highway: 'steps' },
  { name: '斗母宫', at: [117.1275, 36.2196], n: 8, amp: 18, waves: 3, highway: 'path' },
  { name: '经石峪', at: [117.125, 36.2232], n: 7, amp: 15, waves: 3, highway: 'path' },
  { name: '壶天阁', at: [117.1198, 36.2283], n: 10, amp: 25, waves: 4, highway: 'steps' },
  { name: '中天门', at: [117.1085, 36.2368], n: 16, amp: 35, waves: 6, highway: 'steps' },
  { name: '云步桥', at: [117.1072, 36.2412], n: 8, amp: 20, waves: 3, highway: 'path' },
  { name: '五松亭', at: [117.1065, 36.244], n: 6, amp: 15, waves: 2, highway: 'steps' },
  { name: '升仙坊', at: [117.1045, 36.25], n: 14, amp: 22, waves: 7, highway: 'steps' },
  { name: '南天门', at: [117.103, 36.2534], n: 10, amp: 18, waves: 5, highway: 'steps' },
  { name: '天街', at: [117.102, 36.2552], n: 4, amp: 6, waves: 1, highway: 'footway' },
  { name: '玉皇顶', at: [117.1006, 36.2567], n: 5, amp: 10, waves: 2, highway: 'steps' },
];

/** Points from a to b (a excluded, b included) with a sinusoidal sideways swing in metres. */
function wiggle(a, b, n, amp, waves) {
  const dx = (b[0] - a[0]) * M_PER_DEG_LNG;
  const dy = (b[1] - a[1]) * M_PER_DEG_LAT;
  const len = Math.hypot(dx, dy) || 1;
  const [px, py] = [-dy / len, dx / len];
  const out = [];
  for (let i = 1; i <= n; i++) {
    const t = i / n;
    const swing = i === n ? 0 : amp * Math.sin(t * Math.PI * waves * 2) + (random() - 0.5) * amp * 0.3;
    const base = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    out.push(i === n ? b : offsetMeters(base, px * swing, py * swing));
  }
  return out;
}

function line(properties, coordinates) {
  return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates } };
}

function buildTrail() {
  const features = [];
  for (let i = 1; i < TRAIL_KEYPOINTS.length; i++) {
    const from = TRAIL_KEYPOINTS[i - 1];
    const to = TRAIL_KEYPOINTS[i];
    const coords = [from.at, ...wiggle(from.at, to.at, to.n, to.amp, to.waves)];
    const name = to.road ?? (to.highway === 'steps' ? `泰山登山盘道（${from.name}—${to.name}）` : `登山步道（${from.name}—${to.name}）`);
    features.push(line({ name, highway: to.highway, route: 'hiking', trail: '泰山红门登山线' }, coords));
  }
  return features;
}

function buildBusRoad() {
  // Winds up the valley west of the main route: 天外村 → 黑龙潭 → 中天门.
  const via = [TIANWAI, [117.0975, 36.208], [117.0945, 36.2165], [117.099, 36.2235], [117.1035, 36.2295], [117.1065, 36.2335], [117.1085, 36.2368]];
  const coords = [via[0]];
  for (let i = 1; i < via.length; i++) coords.push(...wiggle(via[i - 1], via[i], 6, 40, 2));
  return [line({ name: '天外村—中天门旅游公路', highway: 'primary', access: 'bus' }, coords)];
}

function buildGrid() {
  const features = [];
  const riverGap = 0.0006;
  for (const [name, lat, highway, bridge] of GRID.ew) {
    const lngs = new Set([GRID.west, GRID.east]);
    for (const [, lng, , south, north] of GRID.ns) if (lat >= south && lat <= north) lngs.add(lng);
    if (name === '东岳大街') lngs.add(TRAIL_START[0]);
    const sorted = [...lngs].sort((x, y) => x - y);
    const pts = (list) => list.map((lng) => [round6(lng), round6(lat)]);
    if (bridge) {
      const west = sorted.filter((x) => x < RIVER_LNG);
      const east = sorted.filter((x) => x > RIVER_LNG);
      const bankW = [round6(RIVER_LNG - riverGap), round6(lat)];
      const bankE = [round6(RIVER_LNG + riverGap), round6(lat)];
      features.push(line({ name, highway }, [...pts(west), bankW]));
      features.push(line({ name: `奈河桥（${name}）`, highway, bridge: 'yes' }, [bankW, bankE]));
      features.push(line({ name, highway }, [bankE, ...pts(east)]));
    } else {
      // No bridge: two dead ends facing each other across the water.
      const west = [...pts(sorted.filter((x) => x < RIVER_LNG)), [round6(RIVER_LNG - riverGap), round6(lat)]];
      const east = [[round6(RIVER_LNG + riverGap), round6(lat)], ...pts(sorted.filter((x) => x > RIVER_LNG))];
      if (name === '环山路') {
        // 天外村 and 岱宗坊 must be vertices of 环山路 for the bus road and trail to join.
        insertVertex(west, TIANWAI);
        insertVertex(east, TRAIL_KEYPOINTS[2].at);
      }
      features.push(line({ name, highway }, west));
      features.push(line({ name, highway }, east));
    }
  }
  for (const [name, lng, highway, south, north] of GRID.ns) {
    const lats = GRID.ew.map(([, lat]) => lat).filter((lat) => lat >= south && lat <= north);
    const coords = lats.sort((a, b) => a - b).map((lat) => [round6(lng), round6(lat)]);
    features.push(line({ name, highway }, coords));
  }
  // A few residential lanes between the big streets, joined at both ends.
  const lanes = [
    ['泮河大街', 117.0725, 36.178, 36.1905],
    ['花园路', 117.1335, 36.1905, 36.1965],
    ['望岳路', 117.146, 36.185, 36.201],
    ['升平街', 117.1205, 36.185, 36.1965],
  ];
  for (const [name, lng, south, north] of lanes) {
    const lats = GRID.ew.map(([, lat]) => lat).filter((lat) => lat >= south && lat <= north);
    features.push(line({ name, highway: 'residential' }, lats.sort((a, b) => a - b).map((lat) => [round6(lng), round6(lat)])));
    for (const lat of lats) {
      const f = features.find((g) => g.properties.name === GRID.ew.find((e) => e[1] === lat)[0] && spans(g, lng));
      insertVertex(f.geometry.coordinates, [round6(lng), round6(lat)]);
    }
  }
  return features;
}

function spans(feature, lng) {
  const xs = feature.geometry.coordinates.map((c) => c[0]);
  return lng > Math.min(...xs) && lng < Math.max(...xs);
}

function insertVertex(coords, p) {
  if (coords.some((c) => c[0] === p[0] && c[1] === p[1])) return;
  const i = coords.findIndex((c) => c[0] > p[0]);
  coords.splice(i < 0 ? coords.length : i, 0, p);
}

function buildRiver() {
  const coords = [];
  for (let lat = 36.215; lat >= 36.165 - 1e-9; lat -= 0.0025) {
    coords.push([round6(RIVER_LNG + 0.00035 * Math.sin(lat * 900)), round6(lat)]);
  }
  return {
    type: 'FeatureCollection',
    name: '奈河（示例数据）',
    description: 'SAMPLE data for the station-map demo, drawn for display only; not a survey. 示例数据，仅用于演示。',
    features: [{ type: 'Feature', properties: { name: '奈河', waterway: 'river', sample: true }, geometry: { type: 'LineString', coordinates: coords } }],
  };
}

// ---------------------------------------------------------------------------
// Stations
// ---------------------------------------------------------------------------

const usedNames = new Set();

// Sample phones must never ring a real person: a local number that starts with 0 is never
// assigned in China (0 is the trunk prefix), so `0538-0xxxxxx` looks right and reaches no one.
function makePhone() {
  return `0538-0${String(randomInt(0, 999999)).padStart(6, '0')}`;
}

function makeManager() {
  return pick(SURNAMES) + pick(GIVEN);
}

function makeHours(type) {
  // Round-the-clock is for stations outdoor workers use at night, not offices.
  const nightly = type === 'union-station' || type === 'outdoor-worker-station';
  if (type === 'driver-home' || chance(nightly ? 0.38 : 0.03)) return pick(HOURS_24);
  if (chance(0.04)) return undefined;
  return pick(HOURS_BY_TYPE[type] ?? HOURS_BY_TYPE.default);
}

function makeServices(type) {
  const pool = SERVICE_POOLS[type] ?? SERVICE_POOLS['union-station'];
  const count = randomInt(3, Math.min(10, pool.length));
  const chosen = new Set();
  // Earlier pool entries are likelier: the basics (water, rest) come first.
  while (chosen.size < count) chosen.add(pool[Math.floor(pool.length * random() ** 1.6)]);
  return SERVICES.filter((s) => chosen.has(s));
}

/** Nearest downtown street name, so addresses match the map. */
function nearestStreet([lng, lat]) {
  let best = ['东岳大街', Infinity];
  for (const [name, y] of GRID.ew) {
    const d = Math.abs(lat - y) * M_PER_DEG_LAT;
    if (d < best[1]) best = [name, d];
  }
  for (const [name, x, , south, north] of GRID.ns) {
    if (lat < south - 0.002 || lat > north + 0.002) continue;
    const d = Math.abs(lng - x) * M_PER_DEG_LNG;
    if (d < best[1]) best = [name, d];
  }
  return best[0];
}

function uniqueName(candidates) {
  for (const name of candidates) {
    if (!usedNames.has(name[0])) {
      usedNames.add(name[0]);
      return name;
    }
  }
  const [zh, en] = candidates[candidates.length - 1];
  for (let i = 2; ; i++) {
    const n = [`${zh.replace(/(工会驿站|户外劳动者服务站|职工服务中心|爱心妈咪小屋|司机之家|职工书屋)$/, `第${i}$1`)}`, en && `${en} No. ${i}`];
    if (!usedNames.has(n[0])) {
      usedNames.add(n[0]);
      return n;
    }
  }
}

function makeStation({ type, at, district, town, road, host, extra = {} }) {
  const t = TYPES[type] ?? { zh: '职工活动室', en: "Workers' Activity Room" };
  const num = randomInt(1, 399);
  const zhPlain = `${district}${town ?? ''}${road}${t.zh}`;
  const enPlain = PINYIN[road] && `${PINYIN[district]} ${PINYIN[road]} ${t.en}`;
  const candidates = host
    ? [[`${host[0]}${t.zh}`, `${host[1]} ${t.en}`], [zhPlain, enPlain]]
    : [[zhPlain, enPlain], [`${district}${road}${num}号${t.zh}`, enPlain && `${PINYIN[district]} ${num} ${PINYIN[road]} ${t.en}`]];
  const [name, nameEn] = extra.name ? [extra.name, extra.nameEn] : uniqueName(candidates);
  const properties = { name };
  if (nameEn && (extra.nameEn || chance(0.3))) properties['name:en'] = nameEn;
  properties.type = type;
  properties.district = district;
  properties.address = extra.address ?? `山东省泰安市${district}${road}${num}号${host ? `（${host[0]}）` : ''}`;
  properties.phone = makePhone();
  const hours = extra.hours ?? makeHours(type);
  if (hours) properties.hours = hours;
  properties.services = extra.services ?? makeServices(type);
  properties.manager = makeManager();
  if (extra.honors || chance(0.09)) properties.honors = extra.honors ?? [pick(HONORS)];
  if (extra.landmark) properties.landmark = extra.landmark;
  properties.sample = true;
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: at } };
}

const TRAIL_STATIONS = [
  ['岱庙', 'union-station', '岱庙景区工会驿站', 'Dai Temple Union Station', '24/7', ['water', 'hot-water', 'rest', 'toilet', 'charging', 'first-aid', 'umbrella', 'wifi']],
  ['岱宗坊', 'outdoor-worker-station', '岱宗坊户外劳动者服务站', null, '06:00-22:00', ['water', 'hot-water', 'rest', 'microwave', 'toilet', 'charging', 'battery-swap']],
  ['红门', 'union-station', '红门工会驿站', 'Hongmen Union Station', '24小时', ['water', 'hot-water', 'rest', 'toilet', 'first-aid', 'umbrella', 'medicine', 'repair']],
  ['万仙楼', 'outdoor-worker-station', '万仙楼环卫工人爱心驿站', null, '05:00-21:00', ['water', 'hot-water', 'rest', 'first-aid', 'medicine']],
  ['斗母宫', 'union-station', '斗母宫挑山工驿站', "Doumu Palace Porters' Station", '24/7', ['water', 'hot-water', 'meals', 'rest', 'first-aid', 'medicine', 'repair']],
  ['经石峪', 'outdoor-worker-station', '经石峪环卫驿站', null, '06:00-20:00', ['water', 'rest', 'toilet', 'umbrella']],
  ['壶天阁', 'outdoor-worker-station', '壶天阁挑山工休息点', "Hutian Pavilion Porters' Rest Point", '07:00-11:00,14:00-19:00', ['water', 'hot-water', 'rest', 'first-aid', 'medicine']],
  ['中天门', 'union-station', '中天门挑山工之家', "Zhongtianmen Porters' Home", '24/7', ['water', 'hot-water', 'meals', 'microwave', 'toilet', 'rest', 'charging', 'first-aid', 'heating', 'medicine']],
  ['五松亭', 'outdoor-worker-station', '五松亭环卫工人休息站', null, 'Mo-Su 06:00-19:00', ['water', 'hot-water', 'rest', 'umbrella']],
  ['升仙坊', 'union-station', '十八盘升仙坊挑山工驿站', "Shengxian Arch Porters' Station", '24/7', ['water', 'hot-water', 'rest', 'first-aid', 'medicine', 'heating']],
  ['南天门', 'union-station', '南天门工会驿站', 'Nantianmen Union Station', '24小时', ['water', 'hot-water', 'meals', 'toilet', 'rest', 'charging', 'first-aid', 'heating', 'medicine', 'wifi']],
  ['天街', 'outdoor-worker-station', '天街户外劳动者服务站', 'Tianjie Outdoor Workers\' Service Station', '22:00-06:00', ['water', 'hot-water', 'rest', 'toilet', 'heating', 'umbrella']],
  ['玉皇顶', 'outdoor-worker-station', '玉皇顶环卫工人驿站', null, '05:00-20:00', ['water', 'hot-water', 'rest', 'heating', 'first-aid']],
];

function buildTrailStations() {
  return TRAIL_STATIONS.map(([landmark, type, name, nameEn, hours, services]) => {
    const kp = TRAIL_KEYPOINTS.find((k) => k.name === landmark).at;
    const at = offsetMeters(kp, (random() - 0.5) * 50, (random() - 0.5) * 50);
    const honors = landmark === '中天门' ? ['全国示范工会驿站'] : landmark === '红门' ? ['最美工会户外劳动者服务站'] : undefined;
    return makeStation({
      type, at, district: '泰山区', road: '红门路',
      extra: { name, nameEn, hours, services, honors, landmark, address: `山东省泰安市泰山区泰山风景名胜区${landmark}` },
    });
  });
}

// Highways and logistics parks: where truck drivers stop.
const G3 = [[117.04, 36.38], [117.02, 36.25], [117.0, 36.15], [116.93, 36.0], [116.86, 35.86], [116.83, 35.7]];
const G2 = [[117.55, 36.3], [117.62, 36.12], [117.7, 35.98], [117.76, 35.88], [117.85, 35.75]];
const DRIVER_HOMES = [
  ['G3京台高速泰安服务区司机之家', 'G3 Tai\'an Service Area Drivers\' Home', G3, 0.2, '岱岳区', '京台路'],
  ['G3京台高速满庄收费站司机之家', null, G3, 0.42, '岱岳区', '京台路'],
  ['G3京台高速宁阳服务区司机之家', 'G3 Ningyang Service Area Drivers\' Home', G3, 0.78, '宁阳县', '宁阳大街'],
  ['G3京台高速磁窑收费站司机之家', null, G3, 0.62, '宁阳县', '七贤路'],
  ['G2京沪高速新泰服务区司机之家', 'G2 Xintai Service Area Drivers\' Home', G2, 0.55, '新泰市', '平阳路'],
  ['G2京沪高速羊流收费站司机之家', null, G2, 0.25, '新泰市', '青云路'],
  ['泰安传化公路港司机之家', "Tai'an Transfar Road Port Drivers' Home", [[117.048, 36.148], [117.049, 36.149]], 0.5, '岱岳区', '泰肥路'],
  ['岱岳区物流园司机之家', null, [[117.06, 36.13], [117.061, 36.131]], 0.5, '岱岳区', '京台路'],
  ['新泰市物流园司机之家', null, [[117.73, 35.93], [117.731, 35.931]], 0.5, '新泰市', '东周路'],
  ['肥城市石横物流园司机之家', null, [[116.57, 36.19], [116.571, 36.191]], 0.5, '肥城市', '泰西大街'],
  ['东平县物流园司机之家', null, [[116.49, 35.95], [116.491, 35.951]], 0.5, '东平县', '东原路'],
];

function pointAlong(coords, t) {
  const seg = Math.min(coords.length - 2, Math.floor(t * (coords.length - 1)));
  const u = t * (coords.length - 1) - seg;
  const [a, b] = [coords[seg], coords[seg + 1]];
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u];
}

function buildDriverHomes() {
  return DRIVER_HOMES.map(([name, nameEn, path, t, district, road]) =>
    makeStation({
      type: 'driver-home', at: offsetMeters(pointAlong(path, t), (random() - 0.5) * 300, (random() - 0.5) * 300),
      district, road, extra: { name, nameEn },
    }),
  );
}

function buildDowntown(count) {
  const stations = [];
  while (stations.length < count) {
    const lng = 117.121 + gaussian() * 0.026;
    const lat = 36.188 + gaussian() * 0.011;
    if (lng < 117.035 || lng > 117.2 || lat < 36.155 || lat > 36.205) continue;
    const at = [round6(lng), round6(lat)];
    const district = lng >= RIVER_LNG ? '泰山区' : '岱岳区';
    const type = pickType();
    stations.push(
      makeStation({
        type, at, district, town: pick(DOWNTOWN_TOWNS[district]), road: nearestStreet(at),
        host: chance(0.22) ? pick(HOSTS) : undefined,
      }),
    );
  }
  return stations;
}

function buildCounty({ district, count, roads, seat, towns }) {
  const stations = [];
  for (let i = 0; i < count; i++) {
    // County seats get about half the stations; towns share the rest.
    const [town, cx, cy] = seat && chance(0.5) ? seat : pick(towns);
    const spread = town === seat?.[0] ? 0.014 : 0.007;
    const at = [round6(cx + gaussian() * spread), round6(cy + gaussian() * spread * 0.8)];
    stations.push(makeStation({ type: pickType(), at, district, town, road: pick(roads) }));
  }
  return stations;
}

function buildStations() {
  const trail = buildTrailStations();
  const drivers = buildDriverHomes();
  const counties = COUNTIES.flatMap(buildCounty);
  const downtown = buildDowntown(STATION_COUNT - trail.length - drivers.length - counties.length);
  const all = [...trail, ...downtown, ...drivers, ...counties];

  // The spec's edge cases, so the demo shows how they look: an unknown type and service.
  const oddType = all[40].properties;
  oddType.type = 'retiree-club';
  oddType.name = oddType.name.replace(/(工会驿站|户外劳动者服务站|职工服务中心|爱心妈咪小屋|职工书屋)$/, '退休职工活动室');
  delete oddType['name:en'];
  all[41].properties.services = [...all[41].properties.services, 'sewing'];

  all.forEach((f, i) => {
    const id = `TA-${String(i + 1).padStart(4, '0')}`;
    const { properties } = f;
    f.properties = { id, ...properties, rating_url: `https://example.org/rate/${id}` };
    if (i % 37 === 5) f.properties.website = `https://example.org/stations/${id}`;
  });
  assertCoverage(all);
  return all;
}

function assertCoverage(stations) {
  const types = new Set(stations.map((s) => s.properties.type));
  const services = new Set(stations.flatMap((s) => s.properties.services));
  for (const t of Object.keys(TYPES)) if (!types.has(t)) throw new Error(`no station of type ${t}`);
  for (const s of SERVICES) if (!services.has(s)) throw new Error(`no station offers ${s}`);
}

// ---------------------------------------------------------------------------
// Broken file for the error-reporting demo
// ---------------------------------------------------------------------------

function buildWithErrors(stations) {
  const good = stations.slice(13, 33).map((f) => structuredClone(f));
  const base = (id, note) => ({
    type: 'Feature',
    properties: { id, name: `示例错误站点 ${id}`, type: 'union-station', note, sample: true },
    geometry: { type: 'Point', coordinates: [117.12, 36.19] },
  });
  const broken = [
    { ...base('ERR-01', 'deliberately broken: no geometry'), geometry: null },
    { ...base('ERR-02', 'deliberately broken: a LineString, not a Point'), geometry: { type: 'LineString', coordinates: [[117.1, 36.19], [117.11, 36.2]] } },
    { ...base('ERR-03', 'deliberately broken: coordinates out of range'), geometry: { type: 'Point', coordinates: [200, 10] } },
    { ...base('ERR-04', 'deliberately broken: latitude is a string'), geometry: { type: 'Point', coordinates: [117.13, '36.19'] } },
    (() => {
      const f = base('ERR-05', 'deliberately broken: no name');
      delete f.properties.name;
      return f;
    })(),
    { ...base(good[0].properties.id, 'deliberately broken: duplicate id'), geometry: { type: 'Point', coordinates: [117.125, 36.195] } },
    (() => {
      const f = base('ERR-07', 'deliberately broken: no id at all');
      delete f.properties.id;
      return f;
    })(),
    { type: 'Point', coordinates: [117.12, 36.19], note: 'deliberately broken: a bare geometry, not a Feature' },
    {
      type: 'Feature',
      properties: {
        id: 'XSS-01',
        name: '<img src=x onerror=alert(1)>红门驿站',
        type: 'union-station',
        address: '<script>alert("address")</script>',
        services: ['water', '<b>bold</b>'],
        rating_url: 'javascript:alert(1)',
        website: 'data:text/html,<script>alert(1)</script>',
        phone: 'javascript:alert(2)',
        note: 'valid station with hostile text: must be shown as text, its URLs dropped',
        sample: true,
      },
      geometry: { type: 'Point', coordinates: [117.131, 36.2125] },
    },
  ];
  return {
    type: 'FeatureCollection',
    name: '含错误的示例数据',
    description:
      '示例数据（非真实站点）：20 个正常站点加若干故意损坏的要素，用于演示错误报告。SAMPLE data, not real stations: 20 good stations plus deliberately broken features for the error-reporting demo.',
    features: [...good.slice(0, 10), ...broken.slice(0, 5), ...good.slice(10), ...broken.slice(5)],
  };
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/** One feature per line: diff-friendly, and still small for the demo to fetch. */
function formatCollection({ features, ...members }) {
  const head = Object.entries({ type: 'FeatureCollection', ...members })
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join('\n');
  return `{\n${head}\n  "features": [\n${features.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]\n}\n`;
}

function main() {
  const here = dirname(fileURLToPath(import.meta.url));
  const outDir = resolve(process.argv[2] ?? join(here, '..', 'data'));
  mkdirSync(outDir, { recursive: true });

  // Network first: the trail's zig-zag draws from the same random stream.
  const network = {
    type: 'FeatureCollection',
    name: '泰山登山道与泰安城区路网（示例数据）',
    description:
      'Sample data: a simplified path network for in-browser routing demos — the Mount Tai climbing route (岱庙→玉皇顶), the 天外村 bus road and a downtown Tai\'an street grid cut by the 奈河 (two bridges). Not surveyed; do not navigate with it. 示例数据，仅用于演示。',
    features: [...buildTrail(), ...buildBusRoad(), ...buildGrid()],
  };
  const stations = buildStations();
  const collection = {
    type: 'FeatureCollection',
    name: '泰安市工会服务站点（示例数据）',
    description:
      '本文件为程序生成的示例数据，并非真实的工会驿站或户外劳动者服务站；名称、电话、站长均为虚构。This is generated SAMPLE data, not real stations: names, phone numbers and managers are invented for the station-map demo.',
    features: stations,
  };

  const files = {
    'stations.geojson': collection,
    'taishan-trail.geojson': network,
    'naihe-river.geojson': buildRiver(),
    'stations-with-errors.geojson': buildWithErrors(stations),
  };
  for (const [file, fc] of Object.entries(files)) {
    writeFileSync(join(outDir, file), formatCollection(fc));
  }
  process.stdout.write(`wrote ${Object.keys(files).join(', ')} (${stations.length} stations) to ${outDir}\n`);
}

main();
