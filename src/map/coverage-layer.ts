/**
 * Draws a coverage grid: one image for the cells (a graded tint inside the
 * N-minute circle, a shade outside it) and one path for the circle's edge.
 * The image is a PNG data URL in an `<img>` placed and zoom-animated as
 * Leaflet's ImageOverlay places its own (which the script-tag bundle leaves
 * out), so it needs only `img-src data:` under a strict CSP.
 */
import type * as Lf from 'leaflet';
import { traceCoverageBoundary } from '../geo/coverage/coverage-contour.js';
import type { CoverageGrid } from '../geo/coverage/coverage-grid.js';
import type { Leaflet } from './leaflet.js';
import { latLngToNewLayerPoint } from './leaflet-internals.js';
import { SvgPaths } from './svg-paths.js';

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
  const pane = map.getPane(options.pane ?? 'overlayPane')!;
  let minutes = options.minutes ?? 15;
  // The image's corners as `[lat, lng]`: north-west, south-east.
  let corners: [Lf.LatLngTuple, Lf.LatLngTuple] | null = null;
  let image: HTMLImageElement | null = null;
  const place = (): void => {
    if (!image || !corners) return;
    const min = map.latLngToLayerPoint(corners[0]);
    const max = map.latLngToLayerPoint(corners[1]);
    L.DomUtil.setPosition(image, min);
    image.style.width = `${max.x - min.x}px`;
    image.style.height = `${max.y - min.y}px`;
  };
  const animateZoom = (event: Lf.ZoomAnimEvent): void => {
    if (!image || !corners) return;
    const topLeft = latLngToNewLayerPoint(map, corners[0], event);
    L.DomUtil.setTransform(image, topLeft, map.getZoomScale(event.zoom));
  };
  map.on('zoom viewreset', place);
  map.on('zoomanim', animateZoom);
  // Drawn above the image. Never simplified or clipped: that would break the ring into pieces that jump as the view pans.
  const paths = new SvgPaths(L, map, options.pane);
  const boundary = paths.lines([], {
    class: 'sm-coverage-boundary',
    fill: 'none',
    stroke: options.boundaryColor ?? '#b71c1c',
    'stroke-width': '2.5',
    'stroke-opacity': '0.9',
  });
  let canvas: HTMLCanvasElement | null = null;

  return {
    update(grid, toDisplay) {
      canvas ??= document.createElement('canvas');
      const url = paintGrid(canvas, grid, minutes, options.coveredColor ?? COVERED, options.uncoveredColor ?? UNCOVERED);
      const [west, south, east, north] = grid.bbox;
      const [x0, y0] = toDisplay(west, south);
      const [x1, y1] = toDisplay(east, north);
      corners = [
        [y1, x0],
        [y0, x1],
      ];
      if (!image) {
        image = document.createElement('img');
        image.className = 'leaflet-image-layer leaflet-zoom-animated sm-coverage-image';
        image.alt = '';
        pane.append(image);
      }
      image.src = url;
      place();
      const lines = traceCoverageBoundary(grid, minutes).map((line) =>
        line.map(([lng, lat]): Lf.LatLngTuple => {
          const [x, y] = toDisplay(lng, lat);
          return [y, x];
        }),
      );
      paths.setLines(boundary, lines);
    },
    setMinutes(value) {
      if (value > 0) minutes = value;
    },
    remove() {
      map.off('zoom viewreset', place);
      map.off('zoomanim', animateZoom);
      image?.remove();
      image = null;
      paths.destroy();
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
