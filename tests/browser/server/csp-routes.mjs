// Routes under /test-api/csp… that play a government page with a strict Content-Security-Policy:
// no inline scripts or styles, no eval, only same-origin scripts and data. Chromium posts every
// violation to /test-api/csp-report; a test reads them back from /test-api/csp-reports.

/** The policy of the strict page: what a cautious city site sends. */
export const STRICT_CSP =
  "default-src 'self'; img-src 'self' data: https:; style-src 'self'; report-uri /test-api/csp-report";

/** Violation reports received since the last reset, newest last. */
const reports = [];

/** The page: one script tag, the element with same-origin data, nothing inline. */
function strictPage(query) {
  const lang = /^[a-zA-Z-]{2,10}$/.test(String(query.lang ?? '')) ? query.lang : 'en';
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <title>station-map under a strict CSP</title>
    <script src="/test-api/csp/record-violations.js"></script>
    <script src="/dist/station-map.iife.js"></script>
  </head>
  <body>
    <station-map
      src="/demo/data/stations.geojson"
      network="/demo/data/taishan-trail.geojson"
      nearest="5"
    ></station-map>
  </body>
</html>`;
}

// Runs before the widget, so violations during start-up are seen too.
const recordViolations = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '') + ' @' + (e.sourceFile || '') + ':' + e.lineNumber);
});
`;

/** Reads a request body as text (Koa here has no body parser). */
async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** @param {import('koa').Context} ctx @param {() => Promise<void>} next */
export async function cspRoutesMiddleware(ctx, next) {
  switch (ctx.path) {
    case '/test-api/csp/page.html':
      ctx.set('Content-Security-Policy', STRICT_CSP);
      ctx.type = 'text/html';
      ctx.body = strictPage(ctx.query);
      return;
    case '/test-api/csp/record-violations.js':
      ctx.type = 'text/javascript';
      ctx.body = recordViolations;
      return;
    case '/test-api/csp-report': {
      const text = await readBody(ctx.req);
      let report;
      try {
        report = JSON.parse(text)['csp-report'] ?? JSON.parse(text);
      } catch {
        report = { unparsed: text };
      }
      reports.push(report);
      ctx.status = 204;
      return;
    }
    case '/test-api/csp-reports':
      // GET lists them; DELETE starts a new test.
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(reports);
      if (ctx.method === 'DELETE') reports.length = 0;
      return;
    default:
      return next();
  }
}
