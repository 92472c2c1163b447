// A React 19 app that hosts <station-map> through the `station-map/react` wrapper: the picked
// station lives in React state and is shown outside the widget.
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { StationMap, type StationMapElement, type StationSelectDetail } from 'station-map/react';

interface Picked {
  id: string;
  name: string;
  source: StationSelectDetail['source'];
}

function App() {
  const map = useRef<StationMapElement>(null);
  const [count, setCount] = useState<number | null>(null);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [errors, setErrors] = useState<string[]>([]);

  return (
    <main>
      <StationMap
        ref={map}
        src="../data/stations.geojson"
        nearest={5}
        onStationsLoad={(e) => setCount(e.detail.count)}
        onStationSelect={(e) =>
          setPicked({ id: e.detail.id, name: String(e.detail.station.properties.name), source: e.detail.source })
        }
        onStationMapError={(e) => setErrors((list) => [...list, `${e.detail.code}: ${e.detail.message}`])}
      />
      <aside>
        <h2>React state</h2>
        <p>
          Stations loaded: <output id="count">{count ?? '…'}</output>
        </p>
        <p>
          Picked: <output id="picked">{picked ? picked.name : 'none'}</output>{' '}
          {picked && <small id="picked-meta">({picked.id}, {picked.source})</small>}
        </p>
        <button type="button" disabled={!picked} onClick={() => {
            map.current?.clearSelection();
            setPicked(null);
          }}>
          Clear selection
        </button>
        {errors.length > 0 && (
          <ul id="errors">
            {errors.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        )}
      </aside>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
