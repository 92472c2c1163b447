/**
 * Draws a coverage grid: one image for the cells (a graded tint inside the
 * N-minute circle, a shade outside it) and one polyline for the circle's
 * edge. The image is a PNG data URL in an `L.ImageOverlay`, so it needs
 * only `img-src data:` under a strict CSP and Leaflet animates it on zoom.
 */
import type * as Lf from 'leaflet';
import { traceCoverageBoundary } from '../geo/coverage-contour.js';
import type { CoverageGrid } from '../geo/coverage-grid.js';
import type { Leaflet } from './leaflet.js';

/** WGS-84 → the basemap's coordinate system (`[lng, lat]` both ways). */
export type ToDisplay = (lng: number, lat: number) => [number, number];

/** Options of {@link createCoverageLayer}. */
export interface CoverageLayerOptions {
  map: Lf.Map;
  /** The circle's size: cells up to this many minutes are covered; default 15. */
  minutes?: number;
  /** Covered tint `[r, g, b]`, strongest at the station; default green. */
  coveredColor?: [number, number, number];
  /** Uncovered shade `[r, g, b]`; default red. */
  uncoveredColor?: [number, number, number];
  /** Boundary line colour (CSS); default `#b71c1c`. */
  boundaryColor?: string;
  /** Map pane for the image and the line; default `overlayPane`. */
  pane?: string;
}

/** The coverage drawing on a map. */
export interface CoverageLayer {
  /** Draws `grid` (replacing the previous one), placing WGS-84 positions through `toDisplay`. */
  update(grid: CoverageGrid, toDisplay: ToDisplay): void;
  /** Changes the circle's size; the next `update` draws it. */
  setMinutes(minutes: number): void;
  /** Takes the drawing off the map. */
  remove(): void;
}

const COVERED: [number, number, number] = [46, 125, 50];
const UNCOVERED: [number, number, number] = [198, 40, 40];

/**
 * Adds an (empty) coverage layer to `options.map`.
 *
 * @example
 * const layer = createCoverageLayer(L, { map, minutes: 15 });
 * layer.update(computeCoverageGrid(store, { bbox }), (lng, lat) => [lng, lat]);
 */
export function createCoverageLayer(L: Leaflet, options: CoverageLayerOptions): CoverageLayer {
  const { map } = options;
  const pane = options.pane ?? 'overlayPane';
  let minutes = options.minutes ?? 15;
  let image: Lf.ImageOverlay | null = null;
  const boundary = L.polyline([], {
    pane,
    color: options.boundaryColor ?? '#b71c1c',
    weight: 2.5,
    opacity: 0.9,
    interactive: false,
    className: 'sm-coverage-boundary',
    // Clipping or simplifying would break the ring into pieces that jump as the view pans.
    smoothFactor: 0,
  }).addTo(map);
  let canvas: HTMLCanvasElement | null = null;

  return {
    update(grid, toDisplay) {
      canvas ??= document.createElement('canvas');
      const url = paintGrid(canvas, grid, minutes, options.coveredColor ?? COVERED, options.uncoveredColor ?? UNCOVERED);
      const [west, south, east, north] = grid.bbox;
      const [x0, y0] = toDisplay(west, south);
      const [x1, y1] = toDisplay(east, north);
      const bounds = L.latLngBounds([y0, x0], [y1, x1]);
      if (image) {
        image.setUrl(url);
        image.setBounds(bounds);
      } else {
        image = L.imageOverlay(url, bounds, {
          pane,
          interactive: false,
          className: 'sm-coverage-image',
          alt: '',
        }).addTo(map);
      }
      const lines = traceCoverageBoundary(grid, minutes).map((line) =>
        line.map(([lng, lat]) => {
          const [x, y] = toDisplay(lng, lat);
          return L.latLng(y, x);
        }),
      );
      boundary.setLatLngs(lines);
      boundary.bringToFront();
    },
    setMinutes(value) {
      if (value > 0) minutes = value;
    },
    remove() {
      image?.remove();
      image = null;
      boundary.remove();
    },
  };
}

/**
 * Paints one pixel column per grid column and, because the map is Web Mercator
 * while the grid's rows are equal steps of latitude, one pixel row per equal step
 * of Mercator y, each taking the grid row at its latitude. The browser then
 * scales the image smoothly, which softens the cell edges.
 */
function paintGrid(
  canvas: HTMLCanvasElement,
  grid: CoverageGrid,
  minutes: number,
  covered: [number, number, number],
  uncovered: [number, number, number],
): string {
  const { columns, rows } = grid;
  const [, south, , north] = grid.bbox;
  const height = rows;
  canvas.width = columns;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return canvas.toDataURL();
  const pixels = context.createImageData(columns, height);
  const data = pixels.data;
  const yNorth = mercatorY(north);
  const ySouth = mercatorY(south);
  for (let py = 0; py < height; py++) {
    // Pixel rows run north to south; grid rows south to north.
    const lat = latitudeOf(yNorth + ((py + 0.5) / height) * (ySouth - yNorth));
    const row = Math.min(rows - 1, Math.max(0, Math.floor(((lat - south) / (north - south)) * rows)));
    for (let column = 0; column < columns; column++) {
      const t = grid.minutes[row * columns + column];
      const at = (py * columns + column) * 4;
      if (t <= minutes) {
        data[at] = covered[0];
        data[at + 1] = covered[1];
        data[at + 2] = covered[2];
        // Deeper near a station, fading toward the boundary, so the time gradient reads at a glance.
        data[at + 3] = Math.round(150 - 110 * (t / minutes));
      } else {
        data[at] = uncovered[0];
        data[at + 1] = uncovered[1];
        data[at + 2] = uncovered[2];
        data[at + 3] = t === Infinity ? 120 : 90;
      }
    }
  }
  context.putImageData(pixels, 0, 0);
  return canvas.toDataURL('image/png');
}

function mercatorY(lat: number): number {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 * Math.log((1 + sin) / (1 - sin));
}

function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(y)) * 180) / Math.PI;
}
