-- station-map PostGIS recipe, 2 of 2: the tile function, in the form Martin and pg_tileserv serve
-- as a function source: stations(z, x, y) returns one Mapbox Vector Tile with the layer `stations`
-- laid out as docs/design/tiled-stations.md says, the same tiles `station-map tiles` writes:
--   * z >= station zoom (14): every station in the tile as a point;
--   * z <  station zoom: the tile cut into 4 x 4 cells; a cell with one station gives that
--     station, a cell with more a cluster at their mean (Web Mercator) position with `count`
--     and `count:<type>` (six known types, `count:other` for the rest);
--   * extent 2^(26 - z), at least 4096: every point within 0.3 m of the station at every zoom.
-- Station properties: `id`, then every key of `props` that is not null, arrays and objects as
-- JSON text (ST_AsMVT drops nested jsonb values), `count` and `count:*` left out.
-- Run after schema.sql: psql -v ON_ERROR_STOP=1 -f recipes/postgis/station_tiles.sql

CREATE OR REPLACE FUNCTION station_tile_props(station_id text, props jsonb)
RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT jsonb_build_object('id', station_id) || coalesce(jsonb_object_agg(
    key,
    CASE WHEN jsonb_typeof(value) IN ('array', 'object') THEN to_jsonb(value::text) ELSE value END
  ), '{}'::jsonb)
  FROM jsonb_each(props)
  WHERE jsonb_typeof(value) <> 'null' AND key <> 'id' AND key <> 'count' AND key NOT LIKE 'count:%'
$$;

CREATE OR REPLACE FUNCTION stations(z integer, x integer, y integer)
RETURNS bytea
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  -- The station zoom of the contract; change it here and in the element's `station-zoom`.
  station_zoom constant integer := 14;
  -- Half the width of the Web Mercator square, in metres.
  half constant double precision := 20037508.342789244;
  env geometry := ST_TileEnvelope(z, x, y);
  extent constant integer := (2 ^ greatest(12, 26 - z))::integer;
  tile bytea;
BEGIN
  IF z >= station_zoom THEN
    SELECT ST_AsMVT(f, 'stations', extent, 'geom') INTO tile FROM (
      SELECT ST_AsMVTGeom(s.geom_3857, env, extent, 0, false) AS geom,
             station_tile_props(s.id, s.props) AS props
      FROM stations s
      WHERE s.geom_3857 && env
        -- A point on the tile's edge belongs to one tile only: the one floor() gives, as in the producer.
        AND floor((ST_X(s.geom_3857) + half) / (2 * half) * 2 ^ z) = x
        AND floor((half - ST_Y(s.geom_3857)) / (2 * half) * 2 ^ z) = y
    ) f;
  ELSE
    WITH placed AS (
      SELECT s.id, s.type, s.props, s.geom_3857 AS g,
             floor((ST_X(s.geom_3857) + half) / (2 * half) * 2 ^ (z + 2)) - 4 * x AS cx,
             floor((half - ST_Y(s.geom_3857)) / (2 * half) * 2 ^ (z + 2)) - 4 * y AS cy
      FROM stations s
      WHERE s.geom_3857 && env
    ),
    counted AS (
      SELECT p.*, count(*) OVER (PARTITION BY p.cx, p.cy) AS n
      FROM placed p
      WHERE p.cx BETWEEN 0 AND 3 AND p.cy BETWEEN 0 AND 3
    ),
    features AS (
      SELECT ST_AsMVTGeom(c.g, env, extent, 0, false) AS geom,
             station_tile_props(c.id, c.props) AS props
      FROM counted c
      WHERE c.n = 1
      UNION ALL
      SELECT ST_AsMVTGeom(ST_SetSRID(ST_MakePoint(avg(ST_X(c.g)), avg(ST_Y(c.g))), 3857), env, extent, 0, false),
             jsonb_strip_nulls(jsonb_build_object(
               'count', count(*),
               'count:union-station', nullif(count(*) FILTER (WHERE c.type = 'union-station'), 0),
               'count:outdoor-worker-station', nullif(count(*) FILTER (WHERE c.type = 'outdoor-worker-station'), 0),
               'count:service-center', nullif(count(*) FILTER (WHERE c.type = 'service-center'), 0),
               'count:mommy-room', nullif(count(*) FILTER (WHERE c.type = 'mommy-room'), 0),
               'count:driver-home', nullif(count(*) FILTER (WHERE c.type = 'driver-home'), 0),
               'count:reading-room', nullif(count(*) FILTER (WHERE c.type = 'reading-room'), 0),
               'count:other', nullif(count(*) FILTER (WHERE c.type IS NULL OR c.type NOT IN (
                 'union-station', 'outdoor-worker-station', 'service-center', 'mommy-room', 'driver-home', 'reading-room'
               )), 0)
             ))
      FROM counted c
      WHERE c.n > 1
      GROUP BY c.cx, c.cy
    )
    SELECT ST_AsMVT(features, 'stations', extent, 'geom') INTO tile FROM features;
  END IF;
  -- No stations: an empty tile; the element reads a 204 or an empty 200 alike as "no stations here".
  RETURN coalesce(tile, ''::bytea);
END
$$;
