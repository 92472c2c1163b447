// Mirrors the picked station beside the map. Events are composed and bubble, so the page
// listens on document; the name is written as text, never as HTML.
document.addEventListener('station-select', (event) => {
  document.getElementById('picked').textContent = event.detail.station.properties.name;
});
