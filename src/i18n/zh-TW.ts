/** Traditional Chinese UI strings (Taiwan usage: 公尺, 網路, 冷氣, 週一). */
import type { SkipReason } from '../types.js';
import type { UiStrings, WeekdayNames } from './strings.js';

const WEEKDAYS: WeekdayNames = ['週一', '週二', '週三', '週四', '週五', '週六', '週日'];
const TRAVEL_MODES = { walking: '步行', cycling: '騎車', driving: '開車' } as const;

/**
 * Traditional Chinese UI strings.
 *
 * @example zhTW.hours.closesAt('20:00') // → '20:00 關閉'
 */
const SKIP_REASONS: Record<SkipReason, string> = {
  'not-a-feature': '無法讀取',
  'missing-geometry': '缺少座標',
  'not-a-point': '不是點位',
  'bad-coordinates': '座標有誤',
  'missing-id': '缺少編號',
  'duplicate-id': '編號重複',
  'missing-name': '缺少名稱',
};

export const zhTW: UiStrings = {
  stationTypes: {
    'union-station': '工會驛站',
    'outdoor-worker-station': '戶外勞動者服務站',
    'service-center': '職工服務中心',
    'mommy-room': '愛心媽咪小屋',
    'driver-home': '司機之家',
    'reading-room': '職工書屋',
    other: '其他',
  },
  services: {
    water: '飲水',
    'hot-water': '熱水',
    meals: '用餐',
    microwave: '微波爐',
    toilet: '廁所',
    rest: '休息',
    charging: '手機充電',
    'first-aid': '緊急救護',
    'air-conditioning': '冷氣',
    heating: '暖氣',
    wifi: '無線網路',
    books: '圖書閱讀',
    'health-check': '健康檢測',
    counseling: '心理諮商',
    'legal-aid': '法律扶助',
    nursing: '哺乳',
    repair: '維修',
    umbrella: '借傘',
    parking: '停車',
    'battery-swap': '電動機車換電',
    haircut: '理髮',
    donations: '愛心互助',
    medicine: '緊急藥品',
  },
  weekdays: WEEKDAYS,

  mapLabel: '服務站地圖',
  listLabel: '服務站清單',
  nearestHeading: '離您最近的服務站',
  nearbyHeading: '地圖中心附近的服務站',
  announcements: {
    selected: (name, distance) => (distance ? `已選擇：${name}，距離 ${distance}` : `已選擇：${name}`),
  },
  noStationsMatch: '沒有符合條件的服務站',
  mapClickHint: '點選地圖，設定您所在的位置',
  sampleDataNotice: '範例資料：圖中站點並非真實服務站',
  yourPosition: '您的位置',
  accuracy: (distance) => `精確度約 ${distance}`,

  labels: {
    code: '站點編號',
    type: '類型',
    address: '地址',
    hours: '開放時間',
    phone: '電話',
    services: '服務項目',
    manager: '站長',
    honors: '榮譽',
    website: '網站',
    rating: '評價本站',
    ratingQr: '掃描 QR 碼評價本站',
    distance: '距離',
  },
  straightLineDistance: '直線距離（非實際路程）',
  distanceAway: (distance) => `直線 ${distance}`,

  actions: {
    locateMe: '定位我的位置',
    close: '關閉',
    navigate: '導航',
    routeHere: '到這裡的路線',
    copyCode: '複製站點編號',
    copied: '已複製',
    retry: '重試',
    clearRoute: '清除路線',
    zoomIn: '放大',
    zoomOut: '縮小',
    fitStations: '顯示全部站點',
    showDetails: '查看詳情',
    showMore: '顯示更多',
    call: (phone) => `撥打 ${phone}`,
  },

  filters: {
    heading: '篩選',
    types: '站點類型',
    services: '服務項目',
    openNow: '目前開放',
    searchPlaceholder: '搜尋站名、地址或編號',
    clear: '清除篩選',
    resultCount: (count) => (count ? `列表中有 ${count} 個服務站` : '沒有符合條件的服務站'),
  },

  placeSearch: {
    placeholder: '搜尋地點',
    searching: '搜尋中…',
    noResults: '找不到這個地點',
    heading: '地點',
    failed: '地點搜尋暫時無法使用，以下為符合的服務站',
    nearPlace: (place) => `離「${place}」最近的服務站`,
  },

  loading: '載入中…',
  partFailed: '這部分未能載入，請檢查網路後重試。',
  loadingProgress: (percent) => `載入中 ${percent}%`,
  locating: '定位中…',
  routing: '規劃路線中…',
  stationsLoaded: (count, skipped) =>
    skipped > 0 ? `${count} 個站點 · ${skipped} 個略過` : `${count} 個站點`,
  // Taiwan wording: 列 is a row (行 would be a column).
  skippedRows: ({ skipped, reasons }) =>
    `略過 ${skipped} 列：${reasons
      .map(({ reason, count, rows }) => `${SKIP_REASONS[reason]} ${count} 列（第 ${rows.join('、')}${count > rows.length ? ' 等' : ''} 列）`)
      .join('；')}`,

  hours: {
    openNow: '開放中',
    closed: '已關閉',
    closesAt: (time) => `${time} 關閉`,
    opensAt: (time, day) => {
      if (!day) return `${time} 開放`;
      const when = day.inDays === 1 ? '明天' : WEEKDAYS[day.weekday] ?? '';
      return `${when} ${time} 開放`;
    },
    open24Hours: '24 小時開放',
    unknown: '開放時間未知',
    closedOnHolidays: '國定假日可能不開放',
  },

  routeKinds: {
    network: '沿步道／道路路線',
    service: '道路導航路線',
    straight: '直線（非實際道路）',
  },
  travelModes: TRAVEL_MODES,
  routeSummary: (distance, duration, mode) => `${TRAVEL_MODES[mode]} ${distance}，約 ${duration}`,
  coverage: {
    label: (minutes) => `${minutes} 分鐘服務圈`,
    coveredShare: (percent) => `涵蓋 ${percent}% 的區域`,
    zoomIn: '放大地圖以檢視服務圈涵蓋',
    bestGap: (area) => `在此新設站點可多涵蓋 ${area}`,
    showGap: '在地圖上檢視',
    legend: '服務圈涵蓋圖例',
  },

  navigationApps: {
    amap: '高德地圖',
    baidu: '百度地圖',
    tencent: '騰訊地圖',
    apple: 'Apple 地圖',
    google: 'Google 地圖',
    geo: '其他地圖 App',
  },

  chooser: {
    heading: (count) => `此處有 ${count} 個站點`,
    marker: (count) => `此處有 ${count} 個站點 · 點選以選擇`,
    page: (from, to, count) => `第 ${from}–${to} 個，共 ${count} 個`,
    previous: '上一頁',
    next: '下一頁',
  },

  share: {
    share: '分享',
    copyLink: '複製連結',
    linkCopied: '已複製連結',
    copyFailed: '請複製此連結：',
    text: (name, address) => (address ? `${name}，${address}` : name),
    print: '列印',
    qr: '掃描 QR 碼在地圖上檢視本站',
    printView: '站點列印卡片',
  },

  errors: {
    'fetch-failed': (details) =>
      `站點資料載入失敗${details?.status ? `（HTTP ${details.status}）` : ''}，請檢查網路後重試。`,
    'invalid-geojson': () => '站點資料格式不正確（不是有效的 GeoJSON），無法顯示。',
    'too-large': (details) =>
      details?.maxFeatures !== undefined
        ? `站點資料超過 ${details.maxFeatures.toLocaleString('en-US')} 個站點，數量過多，未載入。`
        : details?.maxBytes !== undefined
          ? `站點資料檔案超過 ${Math.round(details.maxBytes / 1048576)} MB，未載入。`
          : '站點資料過大，未載入。',
    'invalid-features': ({ skipped, total }) =>
      total !== undefined
        ? `${total} 個站點中有 ${skipped} 個資料有誤，已略過。`
        : `有 ${skipped} 個站點資料有誤，已略過。`,
    'geolocation-denied': () => '無法取得您的位置：定位權限遭拒。請在瀏覽器設定中允許定位，或點選地圖設定位置。',
    'geolocation-unavailable': (details) =>
      details?.insecure
        ? '本頁面不是安全連線（HTTPS），瀏覽器不允許定位。請點選地圖設定您的位置。'
        : '暫時無法取得您的位置，請稍後重試，或點選地圖設定位置。',
    'route-failed': () => '路線規劃失敗，僅顯示直線距離。',
    'tiles-failed': () => '地圖底圖載入失敗，仍可在清單中查看站點。',
    'basemap-key-missing': (details) =>
      `${details?.provider && details.provider !== 'tianditu' ? details.provider : '天地圖'}底圖需要金鑰，請在 basemap-key 屬性中填寫。`,
  },
  facts: {
    status: '狀態',
    statuses: { open: '正常開放', 'closed-temporarily': '暫停開放', maintenance: '維護中' },
    entry: '進站方式',
    photoAlt: (name) => `${name}照片`,
    reportProblem: '回報問題',
    offlineCopy: (m) =>
      `無法取得最新資料，顯示的是 ${m < 60 ? `${Math.max(1, m)} 分鐘` : m < 2880 ? `${Math.round(m / 60)} 小時` : `${Math.round(m / 1440)} 天`}前的資料`,
  },
};
