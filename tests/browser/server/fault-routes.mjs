// Routes under /test-api/fault/ that play every way a station host or route service can fail, for
// the reliability tests (tests/browser/reliability). Paths have no file extension on purpose: the
// runner marks any path with one as cacheable for a year, and a cached failure would hide a retry.
//
// Requests that a test wants to follow (was this connection aborted?) carry `?key=`; the server
// keeps what happened to them and answers GET /test-api/fault/log?key=… with it.
import { Readable } from 'node:stream';
import { smallCollection } from './test-server.mjs';

/** What happened to each tracked request, by key: 'open', 'finished' or 'aborted'. */
const log = new Map();

/** How many times each `flaky` key was asked for. */
const hits = new Map();

/** `switchable` keys set down (failing) by `switch?down=1`, and the tag each serves when up. */
const switches = new Map();


/** An OSRM answer with a two-point walking route. */
const OSRM_OK = {
  code: 'Ok',
  routes: [{ distance: 1234, duration: 987, geometry: { type: 'LineString', coordinates: [[117, 36.15], [117.05, 36.2]] } }],
};

function sendJson(ctx, value, type = 'application/geo+json') {
  ctx.set('Cache-Control', 'no-store');
  ctx.type = type;
  ctx.body = JSON.stringify(value);
}

/** Resolves after `ms`, or early when the client went away (so nothing is written to a dead socket). */
function hold(ctx, ms) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.min(ms, 15000));
    ctx.res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** True (and nothing more is sent) when the client closed the request while it waited. */
function clientGone(ctx) {
  if (!ctx.res.destroyed && !ctx.res.writableEnded) return false;
  ctx.respond = false;
  return true;
}

/** Follows a tracked request: 'aborted' when the client closes it before the answer is sent. */
function track(ctx) {
  const key = String(ctx.query.key ?? '');
  if (!key) return;
  log.set(key, 'open');
  ctx.res.once('close', () => log.set(key, ctx.res.writableFinished ? 'finished' : 'aborted'));
}

/**
 * A body of `megabytes` MiB produced as it is read: a JSON FeatureCollection whose features never
 * end, so the server never holds it in memory and the client must stop reading on its own.
 */
function hugeBody(megabytes) {
  const total = megabytes * 1024 * 1024;
  const feature =
    '{"type":"Feature","geometry":{"type":"Point","coordinates":[117.1,36.2]},"properties":{"name":"padding"}},';
  const chunk = Buffer.from(feature.repeat(Math.ceil(65536 / feature.length)));
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) {
        sent += 40;
        this.push('{"type":"FeatureCollection","features":[ ');
        return;
      }
      if (sent >= total) {
        this.push(null);
        return;
      }
      const part = sent + chunk.length > total ? chunk.subarray(0, total - sent) : chunk;
      sent += part.length;
      this.push(part);
    },
  });
}

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function faultRoutesMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/test-api/fault/')) return next();
  const route = ctx.path.slice('/test-api/fault/'.length);
  const tag = String(ctx.query.tag ?? route.split('/')[0]);
  ctx.set('Cache-Control', 'no-store');
  ctx.compress = false;

  // ——— station data ———
  switch (route) {
    case 'status': {
      // Any HTTP error status with a short text body, e.g. ?code=404.
      ctx.status = Number(ctx.query.code ?? 500);
      ctx.type = 'text/plain';
      ctx.body = `status ${ctx.status}`;
      return;
    }
    case 'slow': {
      // Valid data after ?ms=; ?key= tracks whether the client gave up first.
      track(ctx);
      await hold(ctx, Number(ctx.query.ms ?? 1500));
      if (clientGone(ctx)) return;
      sendJson(ctx, smallCollection(tag));
      return;
    }
    case 'reset': {
      // Headers and half a document, then the socket is destroyed: a connection reset mid-body.
      ctx.respond = false;
      const body = JSON.stringify(smallCollection(tag));
      ctx.res.writeHead(200, { 'Content-Type': 'application/geo+json', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
      ctx.res.write(body.slice(0, Math.floor(body.length / 2)));
      setTimeout(() => ctx.req.socket.destroy(), 50);
      return;
    }
    case 'html':
      // A captive portal or login page answering 200 in place of the data.
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><html><head><title>Sign in</title></head><body><form><input name="user"></form><script>window.__fromPortal=1</script></body></html>';
      return;
    case 'truncated':
      ctx.type = 'application/geo+json';
      ctx.body = JSON.stringify(smallCollection(tag)).slice(0, 150);
      return;
    case 'redirect':
      // 302 to valid data on the same server.
      ctx.status = 302;
      ctx.redirect(`/test-api/fault/ok?tag=${encodeURIComponent(tag)}`);
      return;
    case 'loop':
      // Redirects to itself forever; the browser gives up after 20 hops.
      ctx.status = 302;
      ctx.redirect(`/test-api/fault/loop?n=${Number(ctx.query.n ?? 0) + 1}`);
      return;
    case 'ok':
      sendJson(ctx, smallCollection(tag));
      return;
    case 'flaky': {
      // The first request for a key fails with 503, every later one succeeds.
      const key = String(ctx.query.key ?? '');
      const n = (hits.get(key) ?? 0) + 1;
      hits.set(key, n);
      if (n === 1) {
        ctx.status = 503;
        ctx.type = 'text/plain';
        ctx.body = 'try again later';
        return;
      }
      sendJson(ctx, smallCollection(tag));
      return;
    }
    case 'switchable': {
      // Valid data until `switch?key=…&down=1` takes the key down (a 503, as a dead server or
      // an offline proxy gives), and back up with `down=0` (optionally serving another `tag`).
      const state = switches.get(String(ctx.query.key ?? ''));
      if (state?.down) {
        ctx.status = 503;
        ctx.type = 'text/plain';
        ctx.body = 'down';
        return;
      }
      sendJson(ctx, smallCollection(state?.tag ?? tag));
      return;
    }
    case 'switch': {
      const key = String(ctx.query.key ?? '');
      switches.set(key, { down: ctx.query.down === '1', tag: ctx.query.tag ? String(ctx.query.tag) : switches.get(key)?.tag });
      ctx.status = 204;
      return;
    }
    case 'huge': {
      // ?mb= MiB of one never-ending JSON document, streamed lazily.
      track(ctx);
      ctx.type = 'application/geo+json';
      ctx.body = hugeBody(Math.min(Number(ctx.query.mb ?? 200), 1024));
      return;
    }
    case 'log':
      sendJson(ctx, { state: log.get(String(ctx.query.key ?? '')) ?? null }, 'application/json');
      return;
    case 'tile':
      // Every tile of a basemap template pointing here is missing.
      ctx.status = 404;
      ctx.body = '';
      return;
    default:
      break;
  }

  // ——— OSRM-compatible route services: /test-api/fault/osrm-<kind>/route/v1/<profile>/<coords> ———
  const osrm = /^osrm-([a-z-]+)\/route\/v1\//.exec(route);
  if (osrm) {
    switch (osrm[1]) {
      case 'ok':
        sendJson(ctx, OSRM_OK, 'application/json');
        return;
      case 'error':
        ctx.status = 500;
        sendJson(ctx, { code: 'InternalError', message: 'boom' }, 'application/json');
        return;
      case 'slow':
        await hold(ctx, Number(ctx.query.ms ?? 8000));
        if (clientGone(ctx)) return;
        sendJson(ctx, OSRM_OK, 'application/json');
        return;
      case 'malformed':
        ctx.type = 'application/json';
        ctx.body = '{"code":"Ok","routes":[{"distance":12';
        return;
      case 'wrong-shape':
        sendJson(ctx, { code: 'Ok', routes: [{ distance: 'far', geometry: 'none' }] }, 'application/json');
        return;
      case 'noroute':
        sendJson(ctx, { code: 'NoRoute', message: 'Impossible route between points' }, 'application/json');
        return;
      default:
        break;
    }
  }
  ctx.status = 404;
  ctx.body = 'no such fault';
}
