// Types of postgis-load.mjs for the TypeScript tests.
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}
export interface LoadableFeature {
  id?: string | number;
  geometry: { coordinates: number[] };
  properties?: Record<string, unknown> | null;
}
export declare function loadStations(client: Queryable, features: readonly LoadableFeature[], options?: { replace?: boolean }): Promise<number>;
