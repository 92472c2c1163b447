-- station-map PostGIS recipe, 1 of 2: the stations table.
-- One row per station, as `station-map convert` writes it: the code, the type (for the cluster
-- counts), every other property in `props`, the point in WGS-84. Web Mercator is kept beside it,
-- indexed, because every tile query filters and groups on it.
-- Run: psql -v ON_ERROR_STOP=1 -f recipes/postgis/schema.sql

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE IF NOT EXISTS stations (
  id text PRIMARY KEY,
  type text,
  props jsonb NOT NULL DEFAULT '{}'::jsonb,
  geom geometry(Point, 4326) NOT NULL,
  geom_3857 geometry(Point, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED
);

CREATE INDEX IF NOT EXISTS stations_geom_3857_idx ON stations USING gist (geom_3857);
