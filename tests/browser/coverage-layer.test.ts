import { expect } from '@esm-bundle/chai';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { computeCoverageGrid } from '../../src/geo/coverage/coverage-grid.js';
import { createCoverageLayer, type CoverageLayer } from '../../src/map/coverage-layer.js';
import { leafletCss } from '../../src/map/leaflet-css.generated.js';

const identity = (lng: number, lat: number): [number, number] => [lng, lat];

function stations(points: Array<[number, number]>) {
  return { lng: Float64Array.from(points, (p) => p[0]), lat: Float64Array.from(points, (p) => p[1]) };
}

describe('coverage layer', () => {
  let container: HTMLDivElement;
  let map: L.Map;
  let layer: CoverageLayer | null = null;
  const bbox: [number, number, number, number] = [116.96, 35.98, 117.04, 36.02];

  beforeEach(() => {
    const style = document.createElement('style');
    style.textContent = leafletCss;
    container = document.createElement('div');
    container.style.width = '600px';
    container.style.height = '400px';
    document.body.append(style, container);
    map = L.map(container, { zoomAnimation: false, fadeAnimation: false }).fitBounds([
      [bbox[1], bbox[0]],
      [bbox[3], bbox[2]],
    ]);
  });

  afterEach(() => {
    layer?.remove();
    layer = null;
    map.remove();
    container.remove();
  });

  function boundaryPath(): string | null {
    return container.querySelector('path.sm-coverage-boundary')?.getAttribute('d') ?? null;
  }

  it('draws the cells as one data-URL image over the grid bbox, with the boundary as a line', () => {
    layer = createCoverageLayer(L, { map, minutes: 15 });
    layer.update(computeCoverageGrid(stations([[117, 36]]), { bbox, cellsAcross: 64 }), identity);
    const image = container.querySelector<HTMLImageElement>('img.sm-coverage-image');
    expect(image !== null).to.equal(true);
    expect(image!.src.startsWith('data:image/png')).to.equal(true);
    const rect = image!.getBoundingClientRect();
    const mapRect = container.getBoundingClientRect();
    const sw = map.latLngToContainerPoint([bbox[1], bbox[0]]);
    const ne = map.latLngToContainerPoint([bbox[3], bbox[2]]);
    expect(Math.abs(rect.left - mapRect.left - sw.x)).to.be.below(2);
    expect(Math.abs(rect.right - mapRect.left - ne.x)).to.be.below(2);
    expect(Math.abs(rect.top - mapRect.top - ne.y)).to.be.below(2);
    expect(Math.abs(rect.bottom - mapRect.top - sw.y)).to.be.below(2);
    const d = boundaryPath();
    expect(typeof d === 'string' && d.length > 20).to.equal(true);
  });

  it('redraws the boundary and image when the grid changes, and removes everything', () => {
    layer = createCoverageLayer(L, { map, minutes: 15 });
    layer.update(computeCoverageGrid(stations([[117, 36]]), { bbox, cellsAcross: 64 }), identity);
    const firstPath = boundaryPath();
    const firstSrc = container.querySelector<HTMLImageElement>('img.sm-coverage-image')!.src;
    layer.update(computeCoverageGrid(stations([[116.98, 36], [117.02, 36]]), { bbox, cellsAcross: 64 }), identity);
    expect(boundaryPath() !== firstPath).to.equal(true);
    expect(container.querySelector<HTMLImageElement>('img.sm-coverage-image')!.src !== firstSrc).to.equal(true);
    expect(container.querySelectorAll('img.sm-coverage-image').length).to.equal(1);
    layer.remove();
    layer = null;
    expect(container.querySelector('img.sm-coverage-image')).to.equal(null);
    expect(container.querySelector('path.sm-coverage-boundary')).to.equal(null);
  });

  it('places positions through toDisplay (e.g. a GCJ-02 basemap)', () => {
    layer = createCoverageLayer(L, { map, minutes: 15 });
    const shift = (lng: number, lat: number): [number, number] => [lng + 0.005, lat];
    layer.update(computeCoverageGrid(stations([[117, 36]]), { bbox, cellsAcross: 64 }), shift);
    const rect = container.querySelector('img.sm-coverage-image')!.getBoundingClientRect();
    const mapRect = container.getBoundingClientRect();
    const sw = map.latLngToContainerPoint([bbox[1], bbox[0] + 0.005]);
    expect(Math.abs(rect.left - mapRect.left - sw.x)).to.be.below(2);
  });

  it('shades uncovered cells and tints covered ones', async () => {
    layer = createCoverageLayer(L, { map, minutes: 15 });
    const grid = computeCoverageGrid(stations([[117, 36]]), { bbox, cellsAcross: 64 });
    layer.update(grid, identity);
    const image = container.querySelector<HTMLImageElement>('img.sm-coverage-image')!;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const centre = context.getImageData(canvas.width >> 1, canvas.height >> 1, 1, 1).data;
    const corner = context.getImageData(0, 0, 1, 1).data;
    // Centre: the station's green tint; corner (≈ 3.6 km away): the red shade.
    expect(centre[1] > centre[0]).to.equal(true);
    expect(corner[0] > corner[1]).to.equal(true);
    expect(canvas.width).to.equal(grid.columns);
  });
});
