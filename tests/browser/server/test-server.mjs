// Routes under /test-api/ that play a misbehaving station host for the browser tests.
// Everything stays on this machine: no test needs any outside host.

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function testServerMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/')) return next();
  const route = ctx.path.slice('/test-api/'.length);
  // A basemap that works: `/test-api/tiles/{z}/{x}/{y}.svg`, each tile a 256 px square naming itself;
  // `?ms=` delays every answer.
  const tile = /^tiles\/(\d+)\/(\d+)\/(\d+)\.svg$/.exec(route);
  if (tile) {
    const ms = Number(ctx.query.ms ?? 0);
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10000)));
    const [, z, x, y] = tile;
    ctx.type = 'image/svg+xml';
    ctx.set('Cache-Control', 'no-store');
    ctx.body =
      `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#eef2f5" stroke="#b7c3cc"/>` +
      `<text x="128" y="132" font-size="20" text-anchor="middle" fill="#57606a">${z}/${x}/${y}</text></svg>`;
    return;
  }
  switch (route) {
    case 'not-found.geojson':
      ctx.status = 404;
      ctx.body = 'not found';
      return;
    case 'server-error.geojson':
      ctx.status = 500;
      ctx.body = 'boom';
      return;
    case 'html.geojson':
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Login</title><p>Please log in</p>';
      return;
    case 'truncated.geojson':
      ctx.type = 'application/geo+json';
      ctx.body = '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Po';
      return;
    case 'slow.geojson': {
      const ms = Number(ctx.query.ms ?? 3000);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 10000)));
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify(smallCollection(String(ctx.query.tag ?? 'slow')));
      return;
    }
    case 'small.geojson':
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify(smallCollection(String(ctx.query.tag ?? 'small')));
      return;
    case 'tile.png':
      ctx.status = 404;
      return;
    default:
      ctx.status = 404;
  }
}

/** Three valid stations named after `tag`, so a test can tell which response won. */
export function smallCollection(tag) {
  return {
    type: 'FeatureCollection',
    features: [0, 1, 2].map((i) => ({
      type: 'Feature',
      id: `${tag}-${i}`,
      geometry: { type: 'Point', coordinates: [117.1 + i * 0.01, 36.2 + i * 0.01] },
      properties: { name: `${tag} station ${i}`, type: 'union-station' },
    })),
  };
}
