// Routes under /test-api/geo/ that speak 天地图's and Nominatim's response formats for the
// geocoder browser tests. The keyword picks the case: "empty", "error", "slow", else success.

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function geocoderRoutes(ctx, next) {
  if (!ctx.path.startsWith('/test-api/geo/')) return next();
  const route = ctx.path.slice('/test-api/geo/'.length);
  if (route === 'tianditu/v2/search') return tiandituSearch(ctx);
  if (route === 'tianditu/geocoder') return tiandituGeocoder(ctx);
  if (route === 'nominatim/search') return nominatimSearch(ctx);
  ctx.status = 404;
}

function readJsonParam(ctx, name) {
  try {
    return JSON.parse(String(ctx.query[name] ?? '{}'));
  } catch {
    return {};
  }
}

async function tiandituSearch(ctx) {
  const { keyWord = '' } = readJsonParam(ctx, 'postStr');
  ctx.type = 'application/json';
  if (ctx.query.tk !== 'test-key') {
    ctx.body = { status: { infocode: 1008, cndesc: '权限验证失败' } };
    return;
  }
  if (keyWord.includes('slow')) await sleep(3000);
  if (keyWord.includes('error')) {
    ctx.status = 500;
    ctx.body = 'internal error';
    return;
  }
  if (keyWord.includes('empty')) {
    ctx.body = { resultType: 1, count: '0', keyWord, status: { infocode: 1000, cndesc: '服务正常' } };
    return;
  }
  ctx.body = {
    resultType: 1,
    count: '2',
    keyWord,
    pois: [
      { name: `${keyWord} 广场`, lonlat: '117.1235,36.2120', address: '泰安市泰山区', phone: '', poiType: '101' },
      { name: `${keyWord} 路口`, lonlat: '117.1301,36.2050', address: '泰安市', poiType: '101' },
    ],
    status: { infocode: 1000, cndesc: '服务正常' },
  };
}

async function tiandituGeocoder(ctx) {
  const { keyWord = '' } = readJsonParam(ctx, 'ds');
  ctx.type = 'application/json';
  if (keyWord.includes('empty')) {
    ctx.body = { msg: '结果为空', status: '101' };
    return;
  }
  ctx.body = { msg: 'ok', location: { score: 100, level: '地名地址', lon: 117.12, lat: 36.21, keyWord }, status: '0', searchVersion: '6.4.9V' };
}

async function nominatimSearch(ctx) {
  const q = String(ctx.query.q ?? '');
  ctx.type = 'application/json';
  if (q.includes('slow')) await sleep(3000);
  if (q.includes('error')) {
    ctx.status = 400;
    ctx.body = { error: { code: 400, message: 'Nothing to search for.' } };
    return;
  }
  if (q.includes('empty')) {
    ctx.body = [];
    return;
  }
  ctx.body = [
    {
      place_id: 1,
      lat: '36.2566',
      lon: '117.1009',
      category: 'natural',
      type: 'peak',
      name: q,
      display_name: `${q}, 泰安市, 山东省, 中国`,
      // Echo so the test can see what language was asked for.
      extratags: { asked_language: String(ctx.query['accept-language'] ?? '') },
    },
  ];
}
