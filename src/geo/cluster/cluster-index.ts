/**
 * Grid clustering of stations for the map, built for a million points on a
 * cheap phone.
 *
 * Every point gets a Z-order key in Web Mercator; after one radix sort, each
 * quadtree cell at every level is a contiguous run of the sorted points, so a
 * cell's count is a difference of two positions and its centroid a difference
 * of two prefix sums. A cluster at zoom z is the non-empty cell of level
 * z + log2(tileSize / radiusPx), i.e. a square about `radiusPx` wide on screen.
 * Nothing is precomputed per zoom (supercluster builds a tree per zoom), which
 * is why building is one sort and filtering is one pass.
 *
 * Above `maxZoom` points are drawn as pins, but points closer than a pin's width
 * (`pinPx`) share one pin-sized cell and come back as one item with their count:
 * a thousand stations at one address must stay one marker (and one chooser), not
 * a thousand pins stacked on one pixel, at every zoom.
 */
import { MAX_MERCATOR_LAT, projectX, projectY, unprojectX, unprojectY } from '../crs/mercator.js';
import { MORTON_BITS, MORTON_HIGH, MORTON_SIDE, countSharedMortonBits, mortonHigh, mortonLow } from '../index/morton.js';
import { sortKeysSteps } from '../index/radix-sort.js';
import { STEP_ITEMS, runSteps, runStepsWithin, type Steps } from '../../util/steps.js';

/** Bounding box `[west, south, east, north]` in degrees. */
export type ClusterBBox = [west: number, south: number, east: number, north: number];

/** One marker to draw: a cluster of points or a single point. */
export interface ClusterItem {
  /**
   * Stable key of the cluster for {@link ClusterIndex.getLeaves},
   * {@link ClusterIndex.getClusterBBox} and {@link ClusterIndex.getExpansionZoom}:
   * `>= 0` names a grid cell (the same cell in every index, filtered or not):
   * a cluster, or above `maxZoom` a pin-sized cell of points too close to draw apart;
   * `< 0` a single point shown above `maxZoom` (`-1 - index`).
   */
  id: number;
  /** Centroid longitude; shifted by whole turns into the requested view (see {@link ClusterIndex.getClusters}). */
  lng: number;
  /** Centroid latitude. */
  lat: number;
  /** Number of points in the cluster. */
  count: number;
  /**
   * The point's index when the item is one point, else `-1`. An index's items have `count === 1`
   * exactly then; a tiled source's cluster whose count a filter cut to 1 is still a cluster (`-1`).
   */
  index: number;
}

/** What a map layer needs to draw clusters: a {@link ClusterIndex}, or something answering like one. */
export type ClusterSource = Pick<ClusterIndex, 'getClusters' | 'getExpansionZoom' | 'getLeaves'> & {
  /**
   * `true` while the answers come from a scan standing in for an index still being built: there
   * {@link ClusterIndex.getExpansionZoom} and {@link ClusterIndex.getLeaves} build it at once, so
   * a caller asks them on a click, not for every marker it draws.
   */
  readonly provisional?: boolean;
  /**
   * Sources of one lineage give an id to the same cluster or station (a tiled source growing as
   * tiles come in): a map layer keeps the markers a new one draws alike, and redraws the rest.
   */
  readonly lineage?: object;
};

/** Points projected for a cluster index, before sorting (see {@link ClusterIndex.projectSteps}). */
export interface ProjectedPoints {
  /** The WGS-84 columns given. */
  lng: Float64Array;
  lat: Float64Array;
  /** Web Mercator x and y (0…1) of each usable point. */
  xs: Float64Array;
  ys: Float64Array;
  /** Full-resolution quadtree cell (0 … 2^26 - 1) of each usable point, across and down. */
  cellX: Uint32Array;
  cellY: Uint32Array;
  /** Input index of each usable point, or `null` when every point is usable. */
  source: Uint32Array | null;
  options: ClusterOptions;
}

/** Options of {@link ClusterIndex.build}. */
export interface ClusterOptions {
  /** Approximate cluster size on screen in pixels (default 60). */
  radiusPx?: number;
  /** Highest zoom with clusters; above it points are returned one by one (default 17). */
  maxZoom?: number;
  /**
   * Width of a pin on screen in pixels (default 32): above `maxZoom`, points that share a cell
   * about this wide come back as one item with their count instead of pins on top of each other.
   */
  pinPx?: number;
  /** Tile size in pixels (default 256). */
  tileSize?: number;
}

interface ClusterData {
  lng: Float64Array;
  lat: Float64Array;
  /** Point indexes in key order. */
  order: Uint32Array;
  /** 52-bit keys, sorted down to level `maxZoom + levelOffset` (finer bits in no order). */
  keys: Float64Array;
  /** `sumX[i]`: sum of the Mercator x of the first `i` sorted points. */
  sumX: Float64Array;
  sumY: Float64Array;
  levelOffset: number;
  pinOffset: number;
  maxZoom: number;
}

// Number of cells in all levels above L: (4^L - 1) / 3; cell ids count from there.
const LEVEL_START: number[] = [];
for (let level = 0, start = 0; level <= MORTON_BITS + 1; level++, start = start * 4 + 1) LEVEL_START.push(start);

/**
 * Point clusters for every zoom of a Web Mercator map, over WGS-84 columns.
 *
 * @example
 * const clusters = ClusterIndex.build(lng, lat);
 * for (const c of clusters.getClusters([116, 36, 118, 37.5], 9)) {
 *   if (c.count === 1) drawStation(c.index); else drawBubble(c.lng, c.lat, c.count, c.id);
 * }
 * map.setView(center, clusters.getExpansionZoom(id)); // on bubble click
 */
export class ClusterIndex {
  private readonly lng: Float64Array;
  private readonly lat: Float64Array;
  private readonly order: Uint32Array;
  private readonly keys: Float64Array;
  private readonly sumX: Float64Array;
  private readonly sumY: Float64Array;
  private readonly levelOffset: number;
  /** Above `maxZoom`, points are grouped by the cells of level `zoom + pinOffset` (cells `pinPx` wide). */
  private readonly pinOffset: number;
  private positionOf: Int32Array | null = null;
  /** Highest zoom that shows clusters; above it points are returned one by one. */
  readonly maxZoom: number;

  private constructor(data: ClusterData) {
    this.lng = data.lng;
    this.lat = data.lat;
    this.order = data.order;
    this.keys = data.keys;
    this.sumX = data.sumX;
    this.sumY = data.sumY;
    this.levelOffset = data.levelOffset;
    this.pinOffset = data.pinOffset;
    this.maxZoom = data.maxZoom;
  }

  /**
   * Indexes the points `(lng[i], lat[i])`. Points with a non-finite coordinate
   * or a latitude outside ±90° are left out; latitudes beyond ±85.05° are
   * drawn at the edge of the square map. The columns are read, never changed.
   *
   * @example const clusters = ClusterIndex.build(lng, lat, { radiusPx: 80 });
   */
  static build(lng: Float64Array, lat: Float64Array, options: ClusterOptions = {}): ClusterIndex {
    return runSteps(ClusterIndex.buildSteps(lng, lat, options));
  }

  /**
   * {@link ClusterIndex.build} in steps, yielding its progress (0…1) every few
   * thousand points, so a page can index a million points between frames.
   *
   * @example const clusters = runSteps(ClusterIndex.buildSteps(lng, lat));
   */
  static *buildSteps(lng: Float64Array, lat: Float64Array, options: ClusterOptions = {}): Steps<ClusterIndex> {
    // Progress: projecting ≈ 30 %, sorting ≈ 50 %, prefix sums ≈ 20 % (measured at 1M).
    const projected = yield* runStepsWithin(ClusterIndex.projectSteps(lng, lat, options), 0, 0.3);
    return yield* runStepsWithin(ClusterIndex.indexSteps(projected), 0.3, 1);
  }

  /**
   * The first half of {@link ClusterIndex.buildSteps}: the usable points projected to Web
   * Mercator, not yet sorted. Enough for {@link ClusterIndex.scanClusters} to draw a view.
   *
   * @example const projected = runSteps(ClusterIndex.projectSteps(lng, lat));
   */
  static *projectSteps(lng: Float64Array, lat: Float64Array, options: ClusterOptions = {}): Steps<ProjectedPoints> {
    const n = Math.min(lng.length, lat.length);
    let usable = 0;
    for (let start = 0; start < n; start += STEP_ITEMS) {
      usable += countUsable(lng, lat, start, Math.min(n, start + STEP_ITEMS));
      yield (0.2 * start) / n;
    }
    const source = usable === n ? null : new Uint32Array(usable);
    // A yield after each large allocation: at a million points each costs ~10 ms.
    const xs = new Float64Array(usable);
    yield 0.2;
    const ys = new Float64Array(usable);
    yield 0.2;
    const cellX = new Uint32Array(usable);
    const cellY = new Uint32Array(usable);
    const projected = { lng, lat, xs, ys, cellX, cellY, source, options };
    for (let start = 0, j = 0; start < n; start += STEP_ITEMS) {
      const end = Math.min(n, start + STEP_ITEMS);
      j = projectPoints(lng, lat, start, end, projected, j);
      yield 0.2 + (0.8 * end) / n;
    }
    return projected;
  }

  /**
   * The second half of {@link ClusterIndex.buildSteps}: sorts projected points into an index.
   *
   * @example const clusters = runSteps(ClusterIndex.indexSteps(runSteps(ClusterIndex.projectSteps(lng, lat))));
   */
  static *indexSteps(projected: ProjectedPoints): Steps<ClusterIndex> {
    const { lng, lat, xs, ys, source } = projected;
    const { levelOffset, pinOffset, maxZoom } = clusterLevels(projected.options);
    const usable = xs.length;
    // Cells finer than the deepest level ever drawn need no order among their
    // points, so the sort looks only at the bits of the levels in use.
    const deepestLevel = maxZoom + levelOffset;
    const unsortedKeys = new Float64Array(usable);
    for (let start = 0; start < usable; start += STEP_ITEMS) {
      const end = Math.min(usable, start + STEP_ITEMS);
      mortonKeys(projected.cellX, projected.cellY, start, end, unsortedKeys);
      yield (0.1 * end) / usable;
    }
    const sorted = yield* runStepsWithin(
      sortKeysSteps(unsortedKeys, { fromBit: 2 * (MORTON_BITS - deepestLevel), toBit: 2 * MORTON_BITS }),
      0.1,
      0.7,
    );
    const order = source ? new Uint32Array(usable) : sorted.order;
    const sumX = new Float64Array(usable + 1);
    const sumY = new Float64Array(usable + 1);
    for (let start = 0; start < usable; start += STEP_ITEMS) {
      const end = Math.min(usable, start + STEP_ITEMS);
      sumSorted(sorted.order, start, end, { xs, ys, source, order, sumX, sumY });
      yield 0.7 + (0.3 * end) / usable;
    }
    const keys = sorted.keys;
    return new ClusterIndex({ lng, lat, order, keys, sumX, sumY, levelOffset, pinOffset, maxZoom });
  }

  /**
   * What the index of `projected` answers for `getClusters(bbox, zoom)` (the same items, ids
   * and counts; centroids equal to within float rounding, in another order), from one pass
   * over the projected points and no index: for the first paint of a large load while its
   * index is built in slices. Each call reads every point, so it suits a view or two, not panning.
   *
   * @example ClusterIndex.scanClusters(projected, [73, 18, 135, 54], 4) // ≈ 100 items over China
   */
  static scanClusters(projected: ProjectedPoints, bbox: ClusterBBox, zoom: number): ClusterItem[] {
    const { lng, lat, xs } = projected;
    const levels = clusterLevels(projected.options);
    const { levelOffset, maxZoom } = levels;
    const view = toView(bbox);
    const n = xs.length;
    if (!view || !(zoom >= -Infinity) || n === 0) return [];
    const z = Math.max(0, Math.floor(zoom));
    const result: ClusterItem[] = [];
    if (z > maxZoom) return scanPinCells(projected, view, pinLevel(levels, z));
    const level = z + levelOffset;
    const side = 2 ** level;
    const bits = MORTON_BITS - level;
    const y0 = Math.min(side - 1, Math.floor(view.y0 * side));
    const y1 = Math.min(side - 1, Math.floor(view.y1 * side));
    const ranges = view.xRanges.map(([a, b]) => [Math.min(side - 1, Math.floor(a * side)), Math.min(side - 1, Math.floor(b * side))]);
    // The cells of the view as one grid: columns of each x range side by side.
    const columns = ranges.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    const cells = columns * (y1 - y0 + 1);
    if (!(cells > 0 && cells <= 1 << 20)) return runSteps(ClusterIndex.indexSteps(projected)).getClusters(bbox, zoom);
    const grid = { count: new Uint32Array(cells), sumX: new Float64Array(cells), sumY: new Float64Array(cells), last: new Int32Array(cells) };
    accumulateCells(projected, { y0, y1, ranges, columns, bits }, grid);
    for (let cell = 0; cell < cells; cell++) {
      const count = grid.count[cell]!;
      if (count === 0) continue;
      const cy = y0 + Math.floor(cell / columns);
      let column = cell % columns;
      let cx = 0;
      for (const [a, b] of ranges) {
        if (column <= b - a) {
          cx = a + column;
          break;
        }
        column -= b - a + 1;
      }
      const id = LEVEL_START[level]! + cellMorton(cx, cy, level);
      if (count === 1) {
        const index = grid.last[cell]!;
        result.push({ id, lng: view.place(lng[index]!), lat: lat[index]!, count, index });
      } else {
        const cLng = unprojectX(grid.sumX[cell]! / count);
        result.push({ id, lng: view.place(cLng), lat: unprojectY(grid.sumY[cell]! / count), count, index: -1 });
      }
    }
    return result;
  }

  /** Number of points in the index. */
  get size(): number {
    return this.order.length;
  }

  /**
   * The clusters to draw for a view: one item per non-empty grid cell that
   * touches `bbox` at `zoom` (fractions round down), or above `maxZoom` every
   * point inside `bbox`. Every point of the view is in exactly one item.
   *
   * `bbox` may cross the antimeridian either way maps say it: `west > east`
   * (returned longitudes are then in [-180, 180]), or Leaflet's unwrapped
   * longitudes such as `[170, …, 190, …]`, and returned longitudes are then
   * shifted by whole turns to within 180° of the view's centre, so markers land
   * on the world copy being looked at. A view 360° wide or more returns each
   * cluster once.
   *
   * @example clusters.getClusters([73, 18, 135, 54], 4) // about 100 items over China
   */
  getClusters(bbox: ClusterBBox, zoom: number): ClusterItem[] {
    const view = toView(bbox);
    if (!view || !(zoom >= -Infinity) || this.order.length === 0) return [];
    const z = Math.max(0, Math.floor(zoom));
    const pointsMode = z > this.maxZoom;
    // Points mode walks the deepest sorted level, then tests each point against the view.
    const level = Math.min(this.maxZoom, z) + this.levelOffset;
    const side = 2 ** level;
    const result: ClusterItem[] = [];
    const cellYMin = Math.min(side - 1, Math.floor(view.y0 * side));
    const cellYMax = Math.min(side - 1, Math.floor(view.y1 * side));
    const xRanges = view.xRanges.map(([a, b]) => [Math.min(side - 1, Math.floor(a * side)), Math.min(side - 1, Math.floor(b * side))]);
    const touchesX = (min: number, max: number) => {
      for (const [a, b] of xRanges) if (min <= b && max >= a) return true;
      return false;
    };

    const fineLevel = pointsMode ? pinLevel({ levelOffset: this.levelOffset, pinOffset: this.pinOffset, maxZoom: this.maxZoom }, z) : 0;
    const emit = (cellId: number, lo: number, hi: number) => {
      if (pointsMode) {
        if (hi - lo === 1) {
          const index = this.order[lo];
          if (view.contains(this.lng[index], this.lat[index])) {
            result.push({ id: -1 - index, lng: view.place(this.lng[index]), lat: this.lat[index], count: 1, index });
          }
        } else {
          this.emitPinCells(lo, hi, fineLevel, view, result);
        }
        return;
      }
      const count = hi - lo;
      if (count === 1) {
        const index = this.order[lo];
        result.push({ id: cellId, lng: view.place(this.lng[index]), lat: this.lat[index], count, index });
      } else {
        const lng = unprojectX((this.sumX[hi] - this.sumX[lo]) / count);
        const lat = unprojectY((this.sumY[hi] - this.sumY[lo]) / count);
        result.push({ id: cellId, lng: view.place(lng), lat, count, index: -1 });
      }
    };

    // Walk the quadtree from the root; a child's points are a sub-run of its
    // parent's, found by binary search within that run, and empty or
    // off-screen branches stop the walk early.
    const keys = this.keys;
    const visit = (l: number, cx: number, cy: number, lo: number, hi: number) => {
      const scale = 2 ** (level - l);
      if (!touchesX(cx * scale, (cx + 1) * scale - 1)) return;
      if (cy * scale > cellYMax || (cy + 1) * scale - 1 < cellYMin) return;
      if (l === level) {
        emit(LEVEL_START[l] + cellMorton(cx, cy, l), lo, hi);
        return;
      }
      const childSpan = 4 ** (MORTON_BITS - l - 1);
      const base = cellMorton(cx, cy, l) * 4 * childSpan;
      let start = lo;
      for (let q = 0; q < 4; q++) {
        const end = q === 3 ? hi : lowerBound(keys, base + (q + 1) * childSpan, start, hi);
        if (end > start) visit(l + 1, 2 * cx + (q & 1), 2 * cy + (q >> 1), start, end);
        start = end;
      }
    };
    visit(0, 0, 0, 0, keys.length);
    return result;
  }

  /**
   * Indexes of the points in a cluster (or pin cell), in Z-order, at most `limit` of them after
   * skipping `offset` (for a paged list of a cell that holds thousands). Unknown ids give `[]`.
   *
   * @example clusters.getLeaves(item.id, 10) // [5120, 5121, 90233, …]; the next page: getLeaves(item.id, 10, 10)
   */
  getLeaves(id: number, limit = Infinity, offset = 0): number[] {
    const members = this.readMembers(id);
    const skip = Math.max(0, Math.floor(offset) || 0);
    const take = Math.max(0, Math.floor(limit));
    if (!members.fine) {
      const start = Math.min(members.hi, members.lo + skip);
      const end = Math.min(members.hi, start + take);
      return Array.from(this.order.subarray(start, Math.max(start, end)));
    }
    const leaves: number[] = [];
    let seen = 0;
    for (let i = members.lo; i < members.hi && leaves.length < take; i++) {
      if (this.inFineCell(i, members.fine) && seen++ >= skip) leaves.push(this.order[i]);
    }
    return leaves;
  }

  /**
   * The bounding box `[west, south, east, north]` of a cluster's points (to zoom
   * the map onto them), or `null` for an unknown or empty cluster.
   *
   * @example map.fitBounds(toLatLngBounds(clusters.getClusterBBox(item.id)));
   */
  getClusterBBox(id: number): ClusterBBox | null {
    const members = this.readMembers(id);
    let west = Infinity;
    let south = Infinity;
    let east = -Infinity;
    let north = -Infinity;
    for (let i = members.lo; i < members.hi; i++) {
      if (members.fine && !this.inFineCell(i, members.fine)) continue;
      const index = this.order[i];
      const x = this.lng[index];
      const y = this.lat[index];
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
    return west <= east ? [west, south, east, north] : null;
  }

  /**
   * The smallest zoom at which a cluster's points are drawn as more than one
   * item: where a click on the bubble should zoom to. Above `maxZoom` points part
   * once they are a pin's width apart; a single point gives `maxZoom + 1`, and
   * points that never part (the same spot, to the index's ~0.6 m) give `Infinity`:
   * a map shows those as a list, not by zooming.
   *
   * @example map.setView([item.lat, item.lng], clusters.getExpansionZoom(item.id));
   */
  getExpansionZoom(id: number): number {
    const members = this.readMembers(id);
    const deepest = this.maxZoom + this.levelOffset;
    let min = Infinity;
    let max = -Infinity;
    let count = 0;
    if (!members.fine && members.hi - members.lo >= 2) {
      // Keys are sorted down to the deepest drawn level, so the first and last point part first there.
      min = this.keys[members.lo];
      max = this.keys[members.hi - 1];
      count = 2;
    }
    if (members.fine || (count === 2 && countSharedMortonBits(min, max) >= 2 * deepest)) {
      // All in one deepest cell: finer bits are in no order, so find the extremes.
      min = Infinity;
      max = -Infinity;
      count = 0;
      for (let i = members.lo; i < members.hi; i++) {
        if (members.fine && !this.inFineCell(i, members.fine)) continue;
        const key = this.keys[i];
        if (key < min) min = key;
        if (key > max) max = key;
        count++;
      }
    }
    if (count < 2) return this.maxZoom + 1;
    const splitLevel = Math.floor(countSharedMortonBits(min, max) / 2) + 1;
    if (splitLevel <= deepest) return Math.max(0, splitLevel - this.levelOffset);
    if (splitLevel > MORTON_BITS) return Infinity;
    // Above maxZoom, zoom z groups by the cells of pinLevel(z).
    return splitLevel === deepest + 1 ? this.maxZoom + 1 : Math.max(this.maxZoom + 1, splitLevel - this.pinOffset);
  }

  /**
   * A new index over the points for which `keep(index)` is `true`, with the
   * same options and the same point indexes and cluster ids; no re-sorting (a
   * subset of a sorted order is sorted), one pass over the points.
   *
   * @example const openOnly = clusters.filter((i) => isOpen[i] === 1);
   */
  filter(keep: (index: number) => boolean): ClusterIndex {
    const n = this.order.length;
    const kept = new Uint32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) if (keep(this.order[i])) kept[m++] = i;
    const order = new Uint32Array(m);
    const keys = new Float64Array(m);
    const sumX = new Float64Array(m + 1);
    const sumY = new Float64Array(m + 1);
    let sx = 0;
    let sy = 0;
    for (let j = 0; j < m; j++) {
      const i = kept[j];
      const index = this.order[i];
      order[j] = index;
      keys[j] = this.keys[i];
      // A point's x is the step of the parent's sum: exact to ~1e-10 (millimetres)
      // and far cheaper than projecting again.
      sx += this.sumX[i + 1] - this.sumX[i];
      sy += this.sumY[i + 1] - this.sumY[i];
      sumX[j + 1] = sx;
      sumY[j + 1] = sy;
    }
    return new ClusterIndex({
      lng: this.lng,
      lat: this.lat,
      order,
      keys,
      sumX,
      sumY,
      levelOffset: this.levelOffset,
      pinOffset: this.pinOffset,
      maxZoom: this.maxZoom,
    });
  }

  /**
   * Adds the items of points mode for the sorted run `[lo, hi)` of one deepest cell: its points
   * grouped by the cells of level `fineLevel`; a group with a point in the view becomes one item
   * (the point itself when alone), so stations on one spot are one marker whatever their number.
   */
  private emitPinCells(lo: number, hi: number, fineLevel: number, view: View, result: ClusterItem[]): void {
    const span = 4 ** (MORTON_BITS - fineLevel);
    const groups = new Map<number, PinCell>();
    for (let i = lo; i < hi; i++) {
      const index = this.order[i];
      const cell = Math.floor(this.keys[i] / span);
      let group = groups.get(cell);
      if (!group) groups.set(cell, (group = { count: 0, sumX: 0, sumY: 0, last: index, visible: false }));
      group.count++;
      // A point's projected x is the step of the prefix sum (see filter()).
      group.sumX += this.sumX[i + 1] - this.sumX[i];
      group.sumY += this.sumY[i + 1] - this.sumY[i];
      group.last = index;
      if (!group.visible && view.contains(this.lng[index], this.lat[index])) group.visible = true;
    }
    for (const [cell, group] of groups) {
      if (group.visible) result.push(pinCellItem(LEVEL_START[fineLevel] + cell, group, this.lng, this.lat, view));
    }
  }

  /** Whether sorted point `i` lies in the pin cell `fine`. */
  private inFineCell(i: number, fine: { cell: number; span: number }): boolean {
    return Math.floor(this.keys[i] / fine.span) === fine.cell;
  }

  /**
   * The points of a cluster id: a sorted run `[lo, hi)`, and for a pin cell (finer than the
   * sorted levels) the cell the run's points must also be in.
   */
  private readMembers(id: number): { lo: number; hi: number; fine: { cell: number; span: number } | null } {
    const deepest = this.maxZoom + this.levelOffset;
    if (Number.isInteger(id) && id >= LEVEL_START[deepest + 1] && id < LEVEL_START[MORTON_BITS + 1]) {
      let level = deepest + 1;
      while (level < MORTON_BITS && id >= LEVEL_START[level + 1]) level++;
      const cell = id - LEVEL_START[level];
      const parentSpan = 4 ** (level - deepest);
      const [lo, hi] = this.readRange(LEVEL_START[deepest] + Math.floor(cell / parentSpan));
      return { lo, hi, fine: { cell, span: 4 ** (MORTON_BITS - level) } };
    }
    const [lo, hi] = this.readRange(id);
    return { lo, hi, fine: null };
  }

  /** Sorted position of each point index (-1 when not indexed), built on the first single-point lookup. */
  private positions(): Int32Array {
    if (!this.positionOf) {
      let size = 0;
      for (let i = 0; i < this.order.length; i++) size = Math.max(size, this.order[i] + 1);
      const positionOf = new Int32Array(size).fill(-1);
      for (let i = 0; i < this.order.length; i++) positionOf[this.order[i]] = i;
      this.positionOf = positionOf;
    }
    return this.positionOf;
  }

  /** Sorted-order run `[lo, hi)` of a cluster id; `[0, 0]` when unknown. */
  private readRange(id: number): [number, number] {
    if (!Number.isInteger(id)) return [0, 0];
    if (id < 0) {
      const index = -1 - id;
      const at = index < this.positions().length ? this.positions()[index] : -1;
      return at < 0 ? [0, 0] : [at, at + 1];
    }
    let level = 0;
    while (level <= MORTON_BITS && id >= LEVEL_START[level + 1]) level++;
    // Keys are sorted only down to the deepest drawn level; finer cells are never handed out.
    if (level > this.maxZoom + this.levelOffset) return [0, 0];
    const span = 4 ** (MORTON_BITS - level);
    const start = (id - LEVEL_START[level]) * span;
    const lo = lowerBound(this.keys, start, 0, this.keys.length);
    const hi = lowerBound(this.keys, start + span, lo, this.keys.length);
    return [lo, hi];
  }
}

interface View {
  y0: number;
  y1: number;
  /** One or two `[x0, x1]` unit-square spans (two when the view crosses the antimeridian). */
  xRanges: Array<[number, number]>;
  contains(lng: number, lat: number): boolean;
  /** The longitude to report for a point at `lng`: shifted toward the view's centre. */
  place(lng: number): number;
}

function toView(bbox: ClusterBBox): View | null {
  if (!Array.isArray(bbox) || bbox.length < 4) return null;
  const [west, south, east, north] = bbox;
  if (![west, south, east, north].every(Number.isFinite) || south > north) return null;
  let span = east - west;
  const crossing = span < 0;
  if (crossing) span += 360;
  const world = span >= 360;
  const x0 = projectX(west);
  const xRanges: Array<[number, number]> = world
    ? [[0, 1]]
    : x0 + span / 360 <= 1
      ? [[x0, x0 + span / 360]]
      : [[x0, 1], [0, x0 + span / 360 - 1]];
  const y0 = projectY(Math.min(north, MAX_MERCATOR_LAT));
  const y1 = projectY(Math.max(south, -MAX_MERCATOR_LAT));
  const centre = crossing ? 0 : (west + east) / 2;
  const westWrapped = wrapLng(west);
  return {
    y0,
    y1,
    xRanges,
    contains: (lng, lat) => lat >= south && lat <= north && (world || wrapDelta(lng - westWrapped) <= span),
    place: (lng) => (crossing ? lng : lng + 360 * Math.round((centre - lng) / 360)),
  };
}

// The loops of a build are small functions of their own, not inline in the generator: V8
// optimizes each with complete type feedback within a millisecond or two, where one large
// generator was optimized for its first loop, deoptimized on reaching the next, and ran
// several loops at interpreter speed while it was compiled again (≈ 40 % of a cold 100k build).

/** How many of the points `[start, end)` can be placed on the map. */
function countUsable(lng: Float64Array, lat: Float64Array, start: number, end: number): number {
  let usable = 0;
  for (let i = start; i < end; i++) if (isUsable(lng[i]!, lat[i]!)) usable++;
  return usable;
}

/** Projects the usable points among `[start, end)` into `out` from position `j` on; returns the next position. */
function projectPoints(lng: Float64Array, lat: Float64Array, start: number, end: number, out: ProjectedPoints, j: number): number {
  const { xs, ys, cellX, cellY, source } = out;
  for (let i = start; i < end; i++) {
    const x0 = lng[i]!;
    const y0 = lat[i]!;
    if (!isUsable(x0, y0)) continue;
    const x = projectX(x0);
    const y = projectY(y0);
    xs[j] = x;
    ys[j] = y;
    cellX[j] = toCell(x);
    cellY[j] = toCell(y);
    if (source) source[j] = i;
    j++;
  }
  return j;
}

/** The Z-order keys of the cells of points `[start, end)`. */
function mortonKeys(cellX: Uint32Array, cellY: Uint32Array, start: number, end: number, keys: Float64Array): void {
  for (let j = start; j < end; j++) {
    const qx = cellX[j]!;
    const qy = cellY[j]!;
    keys[j] = mortonHigh(qx, qy) * MORTON_HIGH + mortonLow(qx, qy);
  }
}

/** Fills `order` and the prefix sums for sorted positions `[start, end)` (each range after the one before it). */
function sumSorted(
  sortedOrder: Uint32Array,
  start: number,
  end: number,
  out: Pick<ProjectedPoints, 'xs' | 'ys' | 'source'> & { order: Uint32Array; sumX: Float64Array; sumY: Float64Array },
): void {
  const { xs, ys, source, order, sumX, sumY } = out;
  let sx = sumX[start]!;
  let sy = sumY[start]!;
  for (let i = start; i < end; i++) {
    const j = sortedOrder[i]!;
    if (source) order[i] = source[j]!;
    sx += xs[j]!;
    sy += ys[j]!;
    sumX[i + 1] = sx;
    sumY[i + 1] = sy;
  }
}

/** The quadtree level of zoom 0's clusters and of zoom 0's pin cells, and the highest zoom with clusters. */
function clusterLevels(options: ClusterOptions): { levelOffset: number; pinOffset: number; maxZoom: number } {
  const radiusPx = options.radiusPx ?? 60;
  const tileSize = options.tileSize ?? 256;
  const levelOffset = Math.max(0, Math.floor(Math.log2(tileSize / radiusPx)) || 0);
  const pinOffset = Math.max(0, Math.floor(Math.log2(tileSize / (options.pinPx ?? 32))) || 0);
  // At least one level finer than the clusters, so pin cells nest in the deepest sorted cells.
  const maxZoom = Math.max(0, Math.min(Math.floor(options.maxZoom ?? 17), MORTON_BITS - 1 - levelOffset));
  return { levelOffset, pinOffset, maxZoom };
}

/**
 * The level whose cells group the points at zoom `z` above `maxZoom`: cells about `pinPx` wide,
 * never coarser than one level under the deepest clusters, never finer than the keys.
 */
function pinLevel(levels: { levelOffset: number; pinOffset: number; maxZoom: number }, z: number): number {
  return Math.min(MORTON_BITS, Math.max(levels.maxZoom + levels.levelOffset + 1, z + levels.pinOffset));
}

/** Points of one pin cell being gathered. */
interface PinCell {
  count: number;
  /** Sums of the points' Mercator x and y. */
  sumX: number;
  sumY: number;
  /** The last point added: the point itself when the cell has one. */
  last: number;
  /** Whether any of its points is in the view. */
  visible: boolean;
}

/** The item of a pin cell: the lone point itself, or the group at its centroid with its count. */
function pinCellItem(id: number, group: PinCell, lng: Float64Array, lat: Float64Array, view: View): ClusterItem {
  if (group.count === 1) {
    const index = group.last;
    return { id: -1 - index, lng: view.place(lng[index]!), lat: lat[index]!, count: 1, index };
  }
  const cLng = unprojectX(group.sumX / group.count);
  return { id, lng: view.place(cLng), lat: unprojectY(group.sumY / group.count), count: group.count, index: -1 };
}

/**
 * Points mode of {@link ClusterIndex.scanClusters}: the pin cells of `level` that hold a point
 * of the view, each with all its points (one pass to find them, one to fill them).
 */
function scanPinCells(projected: ProjectedPoints, view: View, level: number): ClusterItem[] {
  const { lng, lat, xs, ys, cellX, cellY, source } = projected;
  const bits = MORTON_BITS - level;
  const side = 2 ** level;
  const groups = new Map<number, PinCell>();
  for (let j = 0; j < xs.length; j++) {
    const i = source ? source[j]! : j;
    if (!view.contains(lng[i]!, lat[i]!)) continue;
    const key = (cellY[j]! >>> bits) * side + (cellX[j]! >>> bits);
    if (!groups.has(key)) groups.set(key, { count: 0, sumX: 0, sumY: 0, last: i, visible: true });
  }
  if (groups.size === 0) return [];
  for (let j = 0; j < xs.length; j++) {
    const group = groups.get((cellY[j]! >>> bits) * side + (cellX[j]! >>> bits));
    if (!group) continue;
    group.count++;
    group.sumX += xs[j]!;
    group.sumY += ys[j]!;
    group.last = source ? source[j]! : j;
  }
  const result: ClusterItem[] = [];
  for (const [key, group] of groups) {
    const cx = key % side;
    const cy = (key - cx) / side;
    result.push(pinCellItem(LEVEL_START[level]! + cellMorton(cx, cy, level), group, lng, lat, view));
  }
  return result;
}

interface CellGrid {
  count: Uint32Array;
  sumX: Float64Array;
  sumY: Float64Array;
  /** The input index of the last point counted in each cell: the point itself when the cell has one. */
  last: Int32Array;
}

/**
 * Adds every projected point to its cell of the view's grid (rows `y0…y1`, the x `ranges` side
 * by side), placing it exactly as the index does: full-resolution cell, then its ancestor.
 */
function accumulateCells(
  projected: ProjectedPoints,
  view: { y0: number; y1: number; ranges: number[][]; columns: number; bits: number },
  grid: CellGrid,
): void {
  const { xs, ys, cellX, cellY, source } = projected;
  const { y0, y1, ranges, columns, bits } = view;
  for (let j = 0; j < xs.length; j++) {
    const cy = cellY[j]! >>> bits;
    if (cy < y0 || cy > y1) continue;
    const cx = cellX[j]! >>> bits;
    let column = -1;
    for (let r = 0, offset = 0; r < ranges.length; r++) {
      const a = ranges[r]![0]!;
      const b = ranges[r]![1]!;
      if (cx >= a && cx <= b) {
        column = offset + cx - a;
        break;
      }
      offset += b - a + 1;
    }
    if (column < 0) continue;
    const cell = (cy - y0) * columns + column;
    grid.count[cell]!++;
    grid.sumX[cell]! += xs[j]!;
    grid.sumY[cell]! += ys[j]!;
    grid.last[cell] = source ? source[j]! : j;
  }
}

function isUsable(lng: number, lat: number): boolean {
  return Number.isFinite(lng) && lat >= -90 && lat <= 90;
}

function toCell(unit: number): number {
  const q = Math.floor(unit * MORTON_SIDE);
  return q < MORTON_SIDE ? q : MORTON_SIDE - 1;
}

/** Morton number of cell `(cx, cy)` among the `4^level` cells of its level. */
function cellMorton(cx: number, cy: number, level: number): number {
  const shift = MORTON_BITS - level;
  const full = mortonHigh(cx * 2 ** shift, cy * 2 ** shift) * MORTON_HIGH + mortonLow(cx * 2 ** shift, cy * 2 ** shift);
  return full / 4 ** shift;
}

/** First position in `keys[lo, hi)` whose key is `>= key`. */
function lowerBound(keys: Float64Array, key: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function wrapLng(lng: number): number {
  return lng >= -180 && lng < 180 ? lng : lng - 360 * Math.floor((lng + 180) / 360);
}

/** `d` folded into `[0, 360)`. */
function wrapDelta(d: number): number {
  return d >= 0 && d < 360 ? d : d - 360 * Math.floor(d / 360);
}
