// A test-runner command that lets a browser test grant or deny geolocation and fake a position,
// through puppeteer's page of the running test (the runner has no built-in command for it).

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function geolocationPlugin() {
  return {
    name: 'station-map-geolocation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'set-geolocation') return undefined;
      const page = session.browser.getPage(session.id);
      const origin = new URL(page.url()).origin;
      const context = page.browserContext();
      await context.clearPermissionOverrides();
      // Granting only other permissions denies geolocation without a prompt.
      await context.overridePermissions(origin, payload.permission === 'granted' ? ['geolocation'] : ['notifications']);
      if (payload.position) await page.setGeolocation(payload.position);
      return true;
    },
  };
}
