// Wires the demo's controls to the element, and logs its events as a page would receive them.
const map = document.getElementById('map');
const log = document.getElementById('log');

function write(text) {
  const item = document.createElement('li');
  item.textContent = text; // event data is shown as text, never as HTML
  log.prepend(item);
  while (log.children.length > 12) log.lastElementChild.remove();
}

for (const type of ['stations-load', 'station-select', 'location-change', 'route-change', 'filter-change', 'coverage-change', 'station-map-error']) {
  map.addEventListener(type, (event) => {
    const d = event.detail;
    const summary =
      type === 'stations-load'
        ? `${d.count} stations, ${d.skipped.length} skipped`
        : type === 'station-select'
          ? `${d.id} ${d.station.properties.name} (${d.source})`
          : type === 'location-change'
            ? `${d.lng.toFixed(5)}, ${d.lat.toFixed(5)} (${d.source})`
            : type === 'route-change'
              ? d.route
                ? `${d.route.kind} ${Math.round(d.route.distanceMeters)} m`
                : 'cleared'
              : type === 'filter-change'
                ? JSON.stringify(d.filter)
                : type === 'coverage-change'
                  ? `${d.minutes} min ${d.mode}: ${Math.round(d.coveredShare * 100)}% covered`
                  : `${d.code}: ${d.message}`;
    write(`${type} — ${summary}`);
  });
}

document.getElementById('lang').addEventListener('change', (e) => (map.lang = e.target.value));
document.getElementById('basemap').addEventListener('change', (e) => (map.basemap = e.target.value));
document.getElementById('origin').addEventListener('click', () => map.setAttribute('origin', '117.1268,36.1937'));
document.getElementById('mode').addEventListener('change', (e) => (map.travelMode = e.target.value));
document.getElementById('coverage').addEventListener('change', (e) => (map.coverage = e.target.checked ? 15 : null));

// Place search without a network: a few sample landmarks stand in for a real geocoder
// (set `geocoder-url` or use 天地图 with `basemap-key` on a real page).
const SAMPLE_PLACES = [
  { name: '泰安站（高铁）', lng: 117.0726, lat: 36.1733 },
  { name: '泰山站（火车）', lng: 117.1093, lat: 36.1932 },
  { name: '岱庙', lng: 117.1268, lat: 36.1937 },
  { name: '红门', lng: 117.1316, lat: 36.2117 },
  { name: '天外村', lng: 117.0955, lat: 36.2036 },
  { name: '中天门', lng: 117.1094, lat: 36.2299 },
  { name: '南天门', lng: 117.1033, lat: 36.2528 },
  { name: '泰安市政府', lng: 117.0878, lat: 36.2003 },
];
map.geocoder = async (query) => SAMPLE_PLACES.filter((p) => p.name.includes(query.trim()) || query.includes(p.name.replace(/（.*/, '')));
