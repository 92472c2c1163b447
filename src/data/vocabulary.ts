/**
 * The words station data is written in, and the schema's word for each: station types, services
 * and column headers as unions keep them (simplified and traditional Chinese, the English of a GIS
 * export). One table, read by the parser, the data checker and the docs (load-your-data.md renders
 * it; a test holds the two together). Pure: no DOM, runs in Node and Workers.
 */
import type { KnownService, KnownStationType } from '../types.js';

/** One vocabulary id and the other names it goes by in data. */
export interface VocabularyEntry<Id extends string> {
  id: Id;
  /** Names read as `id`, besides `id` itself: simplified Chinese first, then traditional, then others. */
  names: readonly string[];
}

/**
 * Station types and the names they are given in data.
 *
 * @example STATION_TYPE_NAMES.find((t) => t.id === 'mommy-room')!.names // ['爱心妈咪小屋', '妈咪小屋', '母婴室', …]
 */
export const STATION_TYPE_NAMES: readonly VocabularyEntry<KnownStationType>[] = [
  { id: 'union-station', names: ['工会驿站', '工會驛站'] },
  {
    id: 'outdoor-worker-station',
    names: ['户外劳动者服务站', '户外劳动者驿站', '户外劳动者服务点', '爱心驿站', '戶外勞動者服務站', '戶外勞動者驛站', '戶外勞動者服務點', '愛心驛站'],
  },
  { id: 'service-center', names: ['职工服务中心', '职工服务站', '職工服務中心', '職工服務站'] },
  { id: 'mommy-room', names: ['爱心妈咪小屋', '妈咪小屋', '母婴室', '愛心媽咪小屋', '媽咪小屋', '母嬰室'] },
  { id: 'driver-home', names: ['司机之家', '货车司机之家', '司機之家', '貨車司機之家'] },
  { id: 'reading-room', names: ['职工书屋', '職工書屋'] },
];

/**
 * Services and the names they are given in data.
 *
 * @example SERVICE_NAMES.find((s) => s.id === 'charging')!.names // ['充电', '手机充电', …]
 */
export const SERVICE_NAMES: readonly VocabularyEntry<KnownService>[] = [
  { id: 'water', names: ['饮水', '喝水', '茶水', '飲水'] },
  { id: 'hot-water', names: ['热水', '开水', '熱水', '開水'] },
  { id: 'meals', names: ['就餐', '用餐', '就餐点', '用餐點'] },
  { id: 'microwave', names: ['微波炉', '热饭', '加热饭菜', '微波爐', '熱飯', '加熱飯菜'] },
  { id: 'toilet', names: ['如厕', '厕所', '卫生间', '洗手间', '如廁', '廁所', '衛生間', '洗手間'] },
  { id: 'rest', names: ['休息', '歇脚', '休息区', '歇腳', '休息區'] },
  { id: 'charging', names: ['充电', '手机充电', '充電', '手機充電'] },
  { id: 'first-aid', names: ['应急救护', '急救', '應急救護'] },
  { id: 'air-conditioning', names: ['空调', '纳凉', '空調', '納涼', '冷氣'] },
  { id: 'heating', names: ['暖气', '取暖', '供暖', '暖氣'] },
  { id: 'wifi', names: ['无线网络', '无线上网', '無線網絡', '無線網路', '無線上網', 'wi-fi', '免费wifi'] },
  { id: 'books', names: ['图书', '图书阅读', '阅读', '书报', '圖書', '圖書閱讀', '閱讀', '書報'] },
  { id: 'health-check', names: ['健康检测', '血压测量', '量血压', '健康檢測', '血壓測量', '量血壓'] },
  { id: 'counseling', names: ['心理疏导', '心理咨询', '心理疏導', '心理諮詢'] },
  { id: 'legal-aid', names: ['法律援助', '法律咨询', '法律諮詢'] },
  { id: 'nursing', names: ['哺乳', '母婴', '母嬰'] },
  { id: 'repair', names: ['维修', '修车', '維修', '修車'] },
  { id: 'umbrella', names: ['借伞', '爱心雨伞', '雨具', '借傘', '愛心雨傘'] },
  { id: 'parking', names: ['停车', '停車'] },
  { id: 'battery-swap', names: ['电瓶车换电', '换电', '電瓶車換電', '換電'] },
  { id: 'haircut', names: ['理发', '义剪', '理髮', '義剪'] },
  { id: 'donations', names: ['爱心互献', '愛心互獻'] },
  { id: 'medicine', names: ['应急药品', '医药箱', '药箱', '常用药品', '應急藥品', '醫藥箱', '藥箱', '常用藥品'] },
];

/** A schema field a column header (or a property name) can stand for. */
export type StationField =
  | 'id'
  | 'name'
  | 'type'
  | 'address'
  | 'phone'
  | 'hours'
  | 'services'
  | 'manager'
  | 'rating_url'
  | 'honors'
  | 'website'
  /** Longitude column of a table. */
  | 'lng'
  /** Latitude column of a table. */
  | 'lat'
  /** One column holding "lng,lat" (e.g. `117.13,36.21` as Amap's picker copies it). */
  | 'coordinates';

/**
 * Header (property) names read as each schema field without configuration, best first: a row
 * that has two of them takes the first non-blank one. The field's own name comes before all of
 * these. Matching ignores case, spaces, full/half width and a trailing `(…)` or `*`, so
 * `经度（GCJ-02）` and `站点名称*` are read too.
 *
 * @example FIELD_HEADERS.name // ['名称', '站点名称', '站名', …]
 */
export const FIELD_HEADERS: Readonly<Record<StationField, readonly string[]>> = {
  id: ['code', '编号', '站点编号', '站点代码', '驿站编号', '代码', '編號', '站點編號', '站點代碼', '驛站編號', '代碼', '序号', '序號'],
  name: ['名称', '站点名称', '站名', '驿站名称', '服务站名称', '名稱', '站點名稱', '驛站名稱', '服務站名稱', 'title'],
  type: ['类型', '站点类型', '驿站类型', '类别', '類型', '站點類型', '驛站類型', '類別'],
  address: ['地址', '详细地址', '站点地址', '詳細地址', '站點地址', 'addr'],
  phone: ['电话', '联系电话', '联系方式', '服务电话', '電話', '聯繫電話', '聯絡電話', '聯繫方式', '聯絡方式', '服務電話', 'tel', 'telephone'],
  hours: ['开放时间', '服务时间', '营业时间', '開放時間', '服務時間', '營業時間', 'opening_hours'],
  services: ['服务项目', '服务内容', '服务功能', '服務項目', '服務內容', '服務功能'],
  manager: ['站长', '负责人', '站長', '負責人'],
  rating_url: ['评价链接', '評價連結', '評價鏈接'],
  honors: ['荣誉', '所获荣誉', '榮譽', '所獲榮譽'],
  website: ['网址', '网站', '網址', '網站', 'url'],
  lng: ['经度', '經度', 'lng', 'lon', 'long', 'longitude', 'x'],
  lat: ['纬度', '緯度', 'lat', 'latitude', 'y'],
  coordinates: ['经纬度', '坐标', '經緯度', '坐標', '座標', 'lnglat', 'coordinates'],
};

/** The fields of {@link FIELD_HEADERS}, in the order the docs list them. */
export const STATION_FIELDS = Object.keys(FIELD_HEADERS) as StationField[];

// Width variants, case, spaces and the bits Excel users add to headers ("经度（E）", "名称*").
const SPACES = /\s+/g;
const TRAILING_NOTE = /(\([^()]*\)|\*)+$/;

/**
 * Folds a name for matching: NFKC (full width to half), lower case, no spaces, no trailing
 * `(…)` or `*`. Never empty for non-blank input: a name that is only a note stays as it is.
 *
 * @example foldName(' 经度（GCJ-02） ') // '经度'
 */
export function foldName(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().replace(SPACES, '');
  const bare = folded.replace(TRAILING_NOTE, '');
  return bare === '' ? folded : bare;
}

function buildLookup(entries: readonly VocabularyEntry<string>[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { id, names } of entries) {
    map.set(id, id);
    for (const name of names) map.set(name, id);
  }
  // Folded forms too, so the slow path is one more lookup.
  for (const [name, id] of [...map]) if (!map.has(foldName(name))) map.set(foldName(name), id);
  return map;
}

/** Every accepted type name (ids included, exact and folded) → its id. */
export const TYPE_LOOKUP: ReadonlyMap<string, string> = buildLookup(STATION_TYPE_NAMES);
/** Every accepted service name (ids included, exact and folded) → its id. */
export const SERVICE_LOOKUP: ReadonlyMap<string, string> = buildLookup(SERVICE_NAMES);

function lookUp(table: ReadonlyMap<string, string>, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return table.get(value) ?? table.get(foldName(value));
}

/**
 * The station type id a value stands for, or `undefined` when it is not one the vocabulary knows
 * (the value is then kept as given and shown as "other").
 *
 * @example toStationType('工會驛站') // 'union-station'
 * @example toStationType('union-station') // 'union-station'
 * @example toStationType('职工之家') // undefined
 */
export function toStationType(value: unknown): KnownStationType | undefined {
  return lookUp(TYPE_LOOKUP, value) as KnownStationType | undefined;
}

/**
 * The service id a value stands for, or `undefined` when the vocabulary does not know it (the
 * value is then kept and shown as given).
 *
 * @example toServiceId('手机充电') // 'charging'
 * @example toServiceId('洗衣') // undefined
 */
export function toServiceId(value: unknown): KnownService | undefined {
  return lookUp(SERVICE_LOOKUP, value) as KnownService | undefined;
}

const SERVICE_SEPARATORS = /[、，,；;／/\s]+/;
const HONOR_SEPARATORS = /[、，,；;\n]+/;

/**
 * Splits a services cell into its items: on 、 ， , ； ; ／ / and whitespace, blanks dropped.
 *
 * @example splitServices('饮水、热水，如厕 / 手机充电') // ['饮水', '热水', '如厕', '手机充电']
 */
export function splitServices(text: string): string[] {
  return text.split(SERVICE_SEPARATORS).filter((s) => s !== '');
}

/**
 * Splits an honours cell into its items: on 、 ， , ； ; and line breaks (not on spaces or
 * slashes, which award names contain: "2023/2024 年度 最美驿站").
 *
 * @example splitHonors('最美驿站；五星级驿站') // ['最美驿站', '五星级驿站']
 */
export function splitHonors(text: string): string[] {
  const parts = text.split(HONOR_SEPARATORS);
  const out: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}
