/** Simplified Chinese UI strings (mainland usage). */
import type { SkipReason } from '../types.js';
import type { UiStrings, WeekdayNames } from './strings.js';

const WEEKDAYS: WeekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const TRAVEL_MODES = { walking: '步行', cycling: '骑行', driving: '驾车' } as const;

/**
 * Simplified Chinese UI strings.
 *
 * @example zhCN.hours.closesAt('20:00') // → '20:00 关闭'
 */
const SKIP_REASONS: Record<SkipReason, string> = {
  'not-a-feature': '无法读取',
  'missing-geometry': '缺少坐标',
  'not-a-point': '不是点位',
  'bad-coordinates': '坐标有误',
  'missing-id': '缺少编号',
  'duplicate-id': '编号重复',
  'missing-name': '缺少名称',
};

export const zhCN: UiStrings = {
  stationTypes: {
    'union-station': '工会驿站',
    'outdoor-worker-station': '户外劳动者服务站',
    'service-center': '职工服务中心',
    'mommy-room': '爱心妈咪小屋',
    'driver-home': '司机之家',
    'reading-room': '职工书屋',
    other: '其他',
  },
  services: {
    water: '饮水',
    'hot-water': '热水',
    meals: '就餐',
    microwave: '微波炉',
    toilet: '如厕',
    rest: '休息',
    charging: '手机充电',
    'first-aid': '应急救护',
    'air-conditioning': '空调',
    heating: '取暖',
    wifi: '无线网络',
    books: '图书阅读',
    'health-check': '健康检测',
    counseling: '心理疏导',
    'legal-aid': '法律援助',
    nursing: '哺乳',
    repair: '维修',
    umbrella: '借伞',
    parking: '停车',
    'battery-swap': '电瓶车换电',
    haircut: '理发',
    donations: '爱心互献',
    medicine: '应急药品',
  },
  weekdays: WEEKDAYS,

  mapLabel: '服务站地图',
  listLabel: '服务站列表',
  nearestHeading: '离您最近的服务站',
  nearbyHeading: '地图中心附近的服务站',
  announcements: {
    selected: (name, distance) => (distance ? `已选择：${name}，距离 ${distance}` : `已选择：${name}`),
  },
  noStationsMatch: '没有符合条件的服务站',
  mapClickHint: '点击地图，设置您所在的位置',
  sampleDataNotice: '示例数据：图中站点并非真实服务站',
  yourPosition: '您的位置',
  accuracy: (distance) => `精度约 ${distance}`,

  labels: {
    code: '站点编号',
    type: '类型',
    address: '地址',
    hours: '开放时间',
    phone: '电话',
    services: '服务项目',
    manager: '站长',
    honors: '荣誉',
    website: '网站',
    rating: '评价本站',
    ratingQr: '扫码评价本站',
    distance: '距离',
  },
  straightLineDistance: '直线距离（非实际路程）',
  distanceAway: (distance) => `直线 ${distance}`,

  actions: {
    locateMe: '定位我的位置',
    close: '关闭',
    navigate: '导航',
    routeHere: '到这里的路线',
    copyCode: '复制站点编号',
    copied: '已复制',
    retry: '重试',
    clearRoute: '清除路线',
    zoomIn: '放大',
    zoomOut: '缩小',
    fitStations: '显示全部站点',
    showDetails: '查看详情',
    showMore: '显示更多',
    call: (phone) => `拨打 ${phone}`,
  },

  filters: {
    heading: '筛选',
    types: '站点类型',
    services: '服务项目',
    openNow: '正在开放',
    searchPlaceholder: '搜索站名、地址或编号',
    clear: '清除筛选',
    resultCount: (count) => (count ? `列表中有 ${count} 个服务站` : '没有符合条件的服务站'),
  },

  placeSearch: {
    placeholder: '搜索地点',
    searching: '正在搜索…',
    noResults: '未找到该地点',
    heading: '地点',
    failed: '地点搜索暂时不可用，以下为匹配的服务站',
    nearPlace: (place) => `离“${place}”最近的服务站`,
  },

  loading: '正在加载…',
  partFailed: '这部分没能加载，请检查网络后重试。',
  loadingProgress: (percent) => `正在加载 ${percent}%`,
  locating: '正在定位…',
  routing: '正在规划路线…',
  stationsLoaded: (count, skipped) =>
    skipped > 0 ? `${count} 个站点 · ${skipped} 个跳过` : `${count} 个站点`,
  skippedRows: ({ skipped, reasons }) =>
    `跳过 ${skipped} 行：${reasons
      .map(({ reason, count, rows }) => `${SKIP_REASONS[reason]} ${count} 行（第 ${rows.join('、')}${count > rows.length ? ' 等' : ''} 行）`)
      .join('；')}`,

  hours: {
    openNow: '开放中',
    closed: '已关闭',
    closesAt: (time) => `${time} 关闭`,
    opensAt: (time, day) => {
      if (!day) return `${time} 开放`;
      const when = day.inDays === 1 ? '明天' : WEEKDAYS[day.weekday] ?? '';
      return `${when} ${time} 开放`;
    },
    open24Hours: '24 小时开放',
    unknown: '开放时间未知',
    closedOnHolidays: '法定节假日可能不开放',
  },

  routeKinds: {
    network: '沿步道/道路路线',
    service: '道路导航路线',
    straight: '直线（非实际道路）',
  },
  travelModes: TRAVEL_MODES,
  routeSummary: (distance, duration, mode) => `${TRAVEL_MODES[mode]} ${distance}，约 ${duration}`,
  coverage: {
    label: (minutes) => `${minutes} 分钟服务圈`,
    coveredShare: (percent) => `覆盖 ${percent}% 的区域`,
    zoomIn: '放大地图以查看服务圈覆盖',
    bestGap: (area) => `在此新建站点可多覆盖 ${area}`,
    showGap: '在地图上查看',
    legend: '服务圈覆盖图例',
  },

  navigationApps: {
    amap: '高德地图',
    baidu: '百度地图',
    tencent: '腾讯地图',
    apple: 'Apple 地图',
    google: 'Google 地图',
    geo: '其他地图应用',
  },

  chooser: {
    heading: (count) => `此处有 ${count} 个站点`,
    marker: (count) => `此处有 ${count} 个站点 · 点击选择`,
    page: (from, to, count) => `第 ${from}–${to} 个，共 ${count} 个`,
    previous: '上一页',
    next: '下一页',
  },

  share: {
    share: '分享',
    copyLink: '复制链接',
    linkCopied: '链接已复制',
    copyFailed: '请复制此链接：',
    text: (name, address) => (address ? `${name}，${address}` : name),
    print: '打印',
    qr: '扫码在地图上查看本站',
    printView: '站点打印卡片',
  },

  errors: {
    'fetch-failed': (details) =>
      `站点数据加载失败${details?.status ? `（HTTP ${details.status}）` : ''}，请检查网络后重试。`,
    'invalid-geojson': () => '站点数据格式不正确（不是有效的 GeoJSON），无法显示。',
    'too-large': (details) =>
      details?.maxFeatures !== undefined
        ? `站点数据超过 ${details.maxFeatures.toLocaleString('en-US')} 个站点，数量过多，未加载。`
        : details?.maxBytes !== undefined
          ? `站点数据文件超过 ${Math.round(details.maxBytes / 1048576)} MB，未加载。`
          : '站点数据过大，未加载。',
    'invalid-features': ({ skipped, total }) =>
      total !== undefined
        ? `${total} 个站点中有 ${skipped} 个数据有误，已跳过。`
        : `有 ${skipped} 个站点数据有误，已跳过。`,
    'geolocation-denied': () => '无法获取您的位置：定位权限被拒绝。请在浏览器设置中允许定位，或点击地图设置位置。',
    'geolocation-unavailable': (details) =>
      details?.insecure
        ? '本页面不是安全连接（HTTPS），浏览器不允许定位。请点击地图设置您的位置。'
        : '暂时无法获取您的位置，请稍后重试，或点击地图设置位置。',
    'route-failed': () => '路线规划失败，仅显示直线距离。',
    'tiles-failed': () => '地图底图加载失败，仍可在列表中查看站点。',
    'basemap-key-missing': (details) =>
      `${details?.provider && details.provider !== 'tianditu' ? details.provider : '天地图'}底图需要密钥，请在 basemap-key 属性中填写。`,
  },
  facts: {
    status: '状态',
    statuses: { open: '正常开放', 'closed-temporarily': '暂停开放', maintenance: '维护中' },
    entry: '进站方式',
    photoAlt: (name) => `${name}照片`,
    reportProblem: '报告问题',
    offlineCopy: (m) =>
      `无法获取最新数据，显示的是 ${m < 60 ? `${Math.max(1, m)} 分钟` : m < 2880 ? `${Math.round(m / 60)} 小时` : `${Math.round(m / 1440)} 天`}前的数据`,
  },
};
