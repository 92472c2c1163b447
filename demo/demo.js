// Wires the demo's controls to the element, and logs its events as a page would receive them.
const map = document.getElementById('map');
const log = document.getElementById('log');

function write(text) {
  const item = document.createElement('li');
  item.textContent = text; // event data is shown as text, never as HTML
  log.prepend(item);
  while (log.children.length > 12) log.lastElementChild.remove();
}

for (const type of ['stations-load', 'station-select', 'location-change', 'route-change', 'station-map-error']) {
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
              : `${d.code}: ${d.message}`;
    write(`${type} — ${summary}`);
  });
}

document.getElementById('lang').addEventListener('change', (e) => (map.lang = e.target.value));
document.getElementById('basemap').addEventListener('change', (e) => (map.basemap = e.target.value));
document.getElementById('origin').addEventListener('click', () => map.setAttribute('origin', '117.1268,36.1937'));
