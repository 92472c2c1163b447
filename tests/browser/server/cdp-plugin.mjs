// Test-runner commands that reach the Chrome DevTools protocol of the page running a test: forced
// garbage collection, heap and DOM counters, live instances of a class and listeners on an object.
// Tests use them to prove that the element lets go of what it made (tests/browser/reliability).

/** One CDP session per puppeteer page, opened on first use and gone with the page. */
const sessions = new WeakMap();

async function cdpOf(page) {
  let client = sessions.get(page);
  if (!client) {
    client = page.createCDPSession();
    sessions.set(page, client);
  }
  return client;
}

/** Evaluates `expression` in the page and returns a remote object id for its value. */
async function objectIdOf(client, expression, objectGroup) {
  const { result, exceptionDetails } = await client.send('Runtime.evaluate', { expression, objectGroup });
  if (exceptionDetails) throw new Error(`cdp: ${expression} threw: ${exceptionDetails.text}`);
  if (!result.objectId) throw new Error(`cdp: ${expression} is not an object`);
  return result.objectId;
}

/** Two collections: objects freed by the first (weak maps, finalizers) are collected by the second. */
async function collectGarbage(client) {
  await client.send('HeapProfiler.enable');
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
}

const commands = {
  /**
   * `{ path, media? }`: a PNG of the page as it looks now (with `media: 'print'`, as it prints),
   * written to `path` under the system's temp directory, for a person to look at.
   */
  async 'cdp-screenshot'(client, payload) {
    const { writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join, basename } = await import('node:path');
    if (payload.media) await client.send('Emulation.setEmulatedMedia', { media: payload.media });
    try {
      const { data } = await client.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
      const path = join(tmpdir(), basename(payload.path ?? 'station-map.png'));
      await writeFile(path, Buffer.from(data, 'base64'));
      return path;
    } finally {
      if (payload.media) await client.send('Emulation.setEmulatedMedia', { media: '' });
    }
  },

  /** `{ method, params }`: any CDP call; returns its result. */
  async cdp(client, payload) {
    return client.send(payload.method, payload.params ?? {});
  },

  /** Forces garbage collection; returns heap use and the DOM counters after it. */
  async 'cdp-memory'(client) {
    await collectGarbage(client);
    const heap = await client.send('Runtime.getHeapUsage');
    const dom = await client.send('Memory.getDOMCounters');
    return { usedSize: heap.usedSize, totalSize: heap.totalSize, ...dom };
  },

  /**
   * `{ prototype }`: an expression naming a prototype, e.g. `window.__LMapPrototype`; returns how
   * many live objects have it in their chain (after a forced collection).
   */
  async 'cdp-count-instances'(client, payload) {
    const group = 'station-map-count';
    try {
      await collectGarbage(client);
      const prototypeId = await objectIdOf(client, payload.prototype, group);
      const { objects } = await client.send('Runtime.queryObjects', { prototypeObjectId: prototypeId, objectGroup: group });
      const { result } = await client.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      return result.value;
    } finally {
      await client.send('Runtime.releaseObjectGroup', { objectGroup: group });
    }
  },

  /** `{ target }`: an expression such as `window` or `document`; returns its listeners by type. */
  async 'cdp-listeners'(client, payload) {
    const group = 'station-map-listeners';
    try {
      const objectId = await objectIdOf(client, payload.target, group);
      const { listeners } = await client.send('DOMDebugger.getEventListeners', { objectId });
      const byType = {};
      for (const l of listeners) byType[l.type] = (byType[l.type] ?? 0) + 1;
      return { total: listeners.length, byType };
    } finally {
      await client.send('Runtime.releaseObjectGroup', { objectGroup: group });
    }
  },
};

/**
 * `{ fingers }`: a touch gesture through puppeteer's touchscreen, each finger a list of `[x, y]`
 * viewport points it moves through, all in step (one finger pans, two pinch). Headless Chromium
 * delivers injected touches to the first page of the browser that gets them only: later pages see
 * none (seen with Chromium 156), so one test file per run may use this.
 */
async function touchGesture(page, { fingers }) {
  const handles = [];
  for (const path of fingers) handles.push(await page.touchscreen.touchStart(path[0][0], path[0][1]));
  const steps = Math.max(...fingers.map((path) => path.length));
  for (let i = 1; i < steps; i++) {
    for (let f = 0; f < fingers.length; f++) {
      const point = fingers[f][Math.min(i, fingers[f].length - 1)];
      await handles[f].move(point[0], point[1]);
    }
  }
  for (const handle of handles) await handle.end();
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function cdpPlugin() {
  return {
    name: 'station-map-cdp',
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage(session.id);
      if (command === 'touch-gesture') {
        await touchGesture(page, payload);
        return true;
      }
      const run = commands[command];
      if (!run) return undefined;
      return run(await cdpOf(page), payload ?? {});
    },
  };
}
