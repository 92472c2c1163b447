// Types of generate.mjs for the TypeScript bench suites (the browser page imports the .mjs as is).
import type { FeatureCollection, LineString, Point } from 'geojson';

/** Point columns. */
export interface Columns {
  lng: Float64Array;
  lat: Float64Array;
}

export declare const CHINA_BBOX: readonly [73, 18, 135, 53];
export declare const CITY_CENTRES: ReadonlyArray<readonly [lng: number, lat: number, weight: number]>;
export declare function createRandom(seed: number): () => number;
export declare function generateUniform(n: number, options?: { seed?: number }): Columns;
export declare function generateCities(n: number, options?: { seed?: number }): Columns;
export declare function generatePoints(kind: 'uniform' | 'cities', n: number, options?: { seed?: number }): Columns;
export declare function toStationCollection(columns: Columns): FeatureCollection<Point, { name: string; type: string; hours: string }>;
export declare function generateStreetGrid(
  segments: number,
  options?: { seed?: number },
): { network: FeatureCollection<LineString>; segmentCount: number; bbox: [number, number, number, number] };
