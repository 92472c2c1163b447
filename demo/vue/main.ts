// A Vue 3 app that hosts <station-map> directly: data goes in as a DOM property (`.prop`),
// events come out through `@station-select`, and the picked station is shown from reactive state.
// The build aliases `vue` to its full build so this template string is compiled in the browser.
import 'station-map';
import type { FeatureCollection } from 'geojson';
import type { StationMapEventMap } from 'station-map';
import { createApp, reactive, shallowRef } from 'vue';

const state = reactive({ count: null as number | null, picked: null as { id: string; name: string; source: string } | null, error: '' });
// The collection is handed to the element as is: a shallow ref keeps Vue from wrapping 400 features in proxies.
const stations = shallowRef<FeatureCollection | null>(null);

fetch(new URL('../data/stations.geojson', document.baseURI))
  .then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json() as Promise<FeatureCollection>;
  })
  .then((json) => (stations.value = json))
  .catch((error: Error) => (state.error = `Could not load stations: ${error.message}`));

const app = createApp({
  setup() {
    return {
      state,
      stations,
      handleLoad(event: StationMapEventMap['stations-load']) {
        state.count = event.detail.count;
      },
      handleSelect(event: StationMapEventMap['station-select']) {
        const { id, station, source } = event.detail;
        state.picked = { id, name: String(station.properties.name), source };
      },
      handleError(event: StationMapEventMap['station-map-error']) {
        state.error = `${event.detail.code}: ${event.detail.message}`;
      },
    };
  },
  template: `
    <main>
      <station-map
        ref="map"
        :stations.prop="stations"
        nearest="5"
        @stations-load="handleLoad"
        @station-select="handleSelect"
        @station-map-error="handleError"
      ></station-map>
      <aside>
        <h2>Vue state</h2>
        <p>Stations loaded: <output id="count">{{ state.count ?? '…' }}</output></p>
        <p>
          Picked: <output id="picked">{{ state.picked ? state.picked.name : 'none' }}</output>
          <small v-if="state.picked" id="picked-meta">({{ state.picked.id }}, {{ state.picked.source }})</small>
        </p>
        <button type="button" :disabled="!state.picked" @click="$refs.map.clearSelection(); state.picked = null">Clear selection</button>
        <p v-if="state.error" id="errors">{{ state.error }}</p>
      </aside>
    </main>
  `,
});
// Vue would otherwise try to resolve <station-map> as a Vue component and warn.
app.config.compilerOptions.isCustomElement = (tag) => tag === 'station-map';
app.mount('#app');
