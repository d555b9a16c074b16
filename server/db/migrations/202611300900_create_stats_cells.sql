-- The base of the meeting shares (cell-months expected) summarised like the month rollup (migration 202611291410):
-- how many cells, per unit at depth 2 (provinces) and 3 (the units directly under a province), in both structures,
-- share the same first and last day. The national and provincial dashboards read these few thousand rows instead
-- of joining every cell (100,000 at national scale) to the unit map; deeper units read the cells themselves
-- (dashboard.repository.ts `countCellMonths`), which stays the definition: tests check the two agree.
--
-- Kept exact in the same transaction as every change to the tree: the unit map (org_unit_current) now carries what
-- this needs of a unit (kind and dates), so one statement trigger on the map sees every change — a cell opened,
-- closed, moved, or carried to another successor by a reorganisation — as old rows out and new rows in.
ALTER TABLE org_unit_current
  ADD COLUMN kind text,
  ADD COLUMN valid_from date,
  ADD COLUMN valid_to date;
UPDATE org_unit_current m SET kind = u.kind, valid_from = u.valid_from, valid_to = u.valid_to
  FROM org_unit u WHERE u.id = m.unit_id;
ALTER TABLE org_unit_current ALTER COLUMN kind SET NOT NULL, ALTER COLUMN valid_from SET NOT NULL;

CREATE TABLE stats_cells (
  structure text NOT NULL CHECK (structure IN ('recorded', 'current')),
  depth smallint NOT NULL CHECK (depth IN (2, 3)),
  -- The cell's path (as recorded, or today's successor's) cut to `depth` labels, or the whole path when shorter.
  bucket ltree NOT NULL,
  valid_from date NOT NULL,
  -- 'infinity' for a cell still open.
  valid_to date NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (structure, depth, bucket, valid_from, valid_to)
);
CREATE INDEX stats_cells_bucket_gist ON stats_cells USING gist (bucket);

-- Adds n (negative to remove) per unit-map row; rows of units other than cells are ignored.
CREATE FUNCTION stats_cells_add(p_path ltree[], p_current_path ltree[], p_kind text[], p_from date[], p_to date[],
  p_n int[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO stats_cells AS r (structure, depth, bucket, valid_from, valid_to, n)
  SELECT s.structure, d.depth, subpath(s.path, 0, least(d.depth, nlevel(s.path))), x.valid_from,
    coalesce(x.valid_to, 'infinity'::date), sum(x.n)
  FROM unnest(p_path, p_current_path, p_kind, p_from, p_to, p_n)
    AS x(path, current_path, kind, valid_from, valid_to, n)
  CROSS JOIN LATERAL (VALUES ('recorded', x.path), ('current', x.current_path)) AS s(structure, path)
  CROSS JOIN (VALUES (2::smallint), (3::smallint)) AS d(depth)
  WHERE x.kind = 'cell'
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (structure, depth, bucket, valid_from, valid_to) DO UPDATE SET n = r.n + excluded.n;
$$;

CREATE FUNCTION stats_cells_on_map_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_cells_add(array_agg(path), array_agg(current_path), array_agg(kind), array_agg(valid_from),
      array_agg(valid_to), array_agg(-1)) FROM old_rows WHERE kind = 'cell';
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_cells_add(array_agg(path), array_agg(current_path), array_agg(kind), array_agg(valid_from),
      array_agg(valid_to), array_agg(1)) FROM new_rows WHERE kind = 'cell';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_cells_map_insert AFTER INSERT ON org_unit_current
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_cells_on_map_change();
CREATE TRIGGER stats_cells_map_update AFTER UPDATE ON org_unit_current
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION stats_cells_on_map_change();
CREATE TRIGGER stats_cells_map_delete AFTER DELETE ON org_unit_current
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_cells_on_map_change();

-- The unit map's refresh (as in migration 202611291410) now also copies kind and dates, and rewrites a row when any
-- of them, or the successor's path, changed.
CREATE OR REPLACE FUNCTION org_unit_current_refresh(seeds uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  moved_units uuid[];
  moved_old ltree[];
  moved_new ltree[];
BEGIN
  IF seeds IS NULL OR cardinality(seeds) = 0 THEN
    RETURN;
  END IF;
  WITH RECURSIVE affected(id) AS (
    SELECT unnest(seeds)
    UNION
    SELECT x.id FROM affected a CROSS JOIN LATERAL (
      SELECT l.from_unit_id AS id FROM org_lineage l
        JOIN org_unit f ON f.id = l.from_unit_id AND f.valid_to IS NOT NULL
        WHERE l.to_unit_id = a.id AND l.is_primary
      UNION ALL
      SELECT c.id FROM org_unit c
        WHERE c.parent_id = a.id AND c.valid_to IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM org_lineage l WHERE l.from_unit_id = c.id AND l.is_primary)
    ) x
  ),
  walk(start, at, depth) AS (
    SELECT a.id, a.id, 0 FROM affected a JOIN org_unit u ON u.id = a.id
    UNION ALL
    SELECT w.start, n.next, w.depth + 1 FROM walk w CROSS JOIN LATERAL (
      SELECT CASE
        WHEN u.valid_to IS NULL THEN NULL
        ELSE coalesce(
          (SELECT l.to_unit_id FROM org_lineage l WHERE l.from_unit_id = u.id AND l.is_primary),
          u.parent_id)
      END AS next
      FROM org_unit u WHERE u.id = w.at
    ) n
    WHERE n.next IS NOT NULL AND w.depth < 64
  ),
  ends AS (
    SELECT DISTINCT ON (start) start, at FROM walk ORDER BY start, depth DESC
  ),
  computed AS (
    SELECT e.start AS unit_id, s.path, e.at AS current_id, t.path AS current_path, s.kind, s.valid_from, s.valid_to
    FROM ends e JOIN org_unit s ON s.id = e.start JOIN org_unit t ON t.id = e.at
  ),
  changed AS (
    -- Every sub-statement sees the map as it was before the upsert below.
    SELECT c.unit_id, o.current_path AS old_path, c.current_path AS new_path
    FROM computed c JOIN org_unit_current o ON o.unit_id = c.unit_id
    WHERE o.current_path <> c.current_path
  ),
  upsert AS (
    INSERT INTO org_unit_current (unit_id, path, current_id, current_path, kind, valid_from, valid_to)
    SELECT unit_id, path, current_id, current_path, kind, valid_from, valid_to FROM computed
    ON CONFLICT (unit_id) DO UPDATE
      SET path = excluded.path, current_id = excluded.current_id, current_path = excluded.current_path,
        kind = excluded.kind, valid_from = excluded.valid_from, valid_to = excluded.valid_to
      WHERE (org_unit_current.path, org_unit_current.current_id, org_unit_current.current_path,
          org_unit_current.kind, org_unit_current.valid_from, org_unit_current.valid_to)
        IS DISTINCT FROM
        (excluded.path, excluded.current_id, excluded.current_path, excluded.kind, excluded.valid_from,
          excluded.valid_to)
    RETURNING 1
  )
  SELECT array_agg(unit_id), array_agg(old_path), array_agg(new_path)
  INTO moved_units, moved_old, moved_new
  FROM changed;
  IF moved_units IS NOT NULL THEN
    PERFORM stats_rollup_move(moved_units, moved_old, moved_new);
  END IF;
END;
$$;

-- A unit's kind or first day now matters to the map as well.
CREATE OR REPLACE FUNCTION org_unit_current_on_unit_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM org_unit_current_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.valid_to IS DISTINCT FROM o.valid_to OR n.parent_id IS DISTINCT FROM o.parent_id OR n.path <> o.path
      OR n.valid_from <> o.valid_from OR n.kind <> o.kind));
  RETURN NULL;
END;
$$;

SELECT stats_cells_add(array_agg(path), array_agg(current_path), array_agg(kind), array_agg(valid_from),
  array_agg(valid_to), array_agg(1)) FROM org_unit_current WHERE kind = 'cell';
