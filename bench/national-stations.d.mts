// Types of national-stations.mjs for the TypeScript bench suites.
import type { FeatureCollection, Point } from 'geojson';

export declare function nationalStations(n: number, options?: { seed?: number }): FeatureCollection<Point, Record<string, unknown>>;
