// Loads the script-tag bundle as a government page does and hands its classes to the suites that
// import `src/index.js` (see server/shipped-bundle-plugin.mjs).
await new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = '/dist/station-map.iife.js';
  script.onload = resolve;
  script.onerror = () => reject(new Error('could not load /dist/station-map.iife.js: run `npm run build` first'));
  document.head.append(script);
});

export const { StationMap, StationMapError } = window.StationMapWidget;
