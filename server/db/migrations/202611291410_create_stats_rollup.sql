-- Month totals of every dashboard figure per unit at depth 2 (provinces) and 3 (the units directly under a
-- province), in both structures (issue 5, "Speed at national scale"). The national and provincial dashboards read
-- these few thousand rows instead of every record; deeper units, campaign filters and the partial months at the
-- edges of a period read the records themselves (dashboard.repository.ts), and that record query stays the
-- definition: tests check the two agree.
--
-- Kept exact in the same transaction as every write: statement triggers on each record table add the change of the
-- statement (transition tables, so a COPY of a million rows costs one aggregate), and the unit map's refresh moves
-- the records of a unit whose place on today's structure changed. Never rebuilt later, never stale.
CREATE TABLE stats_rollup (
  figure text NOT NULL,
  structure text NOT NULL CHECK (structure IN ('recorded', 'current')),
  depth smallint NOT NULL CHECK (depth IN (2, 3)),
  -- The record's unit path cut to `depth` labels (or the whole path when it is shorter).
  bucket ltree NOT NULL,
  month date NOT NULL,
  a text NOT NULL,
  b text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (figure, structure, depth, bucket, month, a, b)
);
CREATE INDEX stats_rollup_bucket_gist ON stats_rollup USING gist (bucket);

-- Adds n (negative to remove) per record row; rows carry the unit as recorded and are placed in both structures.
CREATE FUNCTION stats_rollup_add(p_figure text, p_unit uuid[], p_day date[], p_a text[], p_b text[], p_n int[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO stats_rollup AS r (figure, structure, depth, bucket, month, a, b, n)
  SELECT p_figure, s.structure, d.depth, subpath(s.path, 0, least(d.depth, nlevel(s.path))),
    date_trunc('month', x.day)::date, x.a, x.b, sum(x.n)
  FROM unnest(p_unit, p_day, p_a, p_b, p_n) AS x(unit_id, day, a, b, n)
  JOIN org_unit_current m ON m.unit_id = x.unit_id
  CROSS JOIN LATERAL (VALUES ('recorded', m.path), ('current', m.current_path)) AS s(structure, path)
  CROSS JOIN (VALUES (2::smallint), (3::smallint)) AS d(depth)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (figure, structure, depth, bucket, month, a, b) DO UPDATE SET n = r.n + excluded.n;
$$;

-- Moves records on today's structure: for each unit, -1 at its old place and +1 at its new one, per figure.
CREATE FUNCTION stats_rollup_move(p_unit uuid[], p_old ltree[], p_new ltree[])
RETURNS void LANGUAGE sql AS $$
  WITH moved AS (
    SELECT * FROM unnest(p_unit, p_old, p_new) AS c(unit_id, old_path, new_path)
  ),
  records AS (
    SELECT 'commendations' AS figure, s.unit_id, s.decision_date AS day, s.level AS a, s.recipient_type AS b
    FROM commendation_recipient s JOIN moved USING (unit_id)
    UNION ALL
    SELECT 'models', s.unit_id, s.started_on, s.status, s.field_id::text
    FROM model s JOIN moved USING (unit_id)
  )
  INSERT INTO stats_rollup AS r (figure, structure, depth, bucket, month, a, b, n)
  SELECT x.figure, 'current', d.depth, subpath(p.path, 0, least(d.depth, nlevel(p.path))),
    date_trunc('month', x.day)::date, x.a, x.b, sum(p.sign)
  FROM records x JOIN moved c USING (unit_id)
  CROSS JOIN LATERAL (VALUES (c.old_path, -1), (c.new_path, 1)) AS p(path, sign)
  CROSS JOIN (VALUES (2::smallint), (3::smallint)) AS d(depth)
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (figure, structure, depth, bucket, month, a, b) DO UPDATE SET n = r.n + excluded.n;
$$;

-- The unit map's refresh (migration 202611291400) now also moves, in the same statement, the records of every unit
-- whose place on today's structure changes. (Done here rather than by a trigger on org_unit_current: joining two
-- transition tables has no index, and a national reorganisation moves tens of thousands of units at once.)
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
    SELECT e.start AS unit_id, s.path, e.at AS current_id, t.path AS current_path
    FROM ends e JOIN org_unit s ON s.id = e.start JOIN org_unit t ON t.id = e.at
  ),
  changed AS (
    -- Every sub-statement sees the map as it was before the upsert below.
    SELECT c.unit_id, o.current_path AS old_path, c.current_path AS new_path
    FROM computed c JOIN org_unit_current o ON o.unit_id = c.unit_id
    WHERE o.current_path <> c.current_path
  ),
  upsert AS (
    INSERT INTO org_unit_current (unit_id, path, current_id, current_path)
    SELECT unit_id, path, current_id, current_path FROM computed
    ON CONFLICT (unit_id) DO UPDATE
      SET path = excluded.path, current_id = excluded.current_id, current_path = excluded.current_path
      WHERE (org_unit_current.path, org_unit_current.current_id)
        IS DISTINCT FROM (excluded.path, excluded.current_id)
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

CREATE FUNCTION stats_rollup_commendations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_rollup_add('commendations', array_agg(unit_id), array_agg(decision_date), array_agg(level),
      array_agg(recipient_type), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_rollup_add('commendations', array_agg(unit_id), array_agg(decision_date), array_agg(level),
      array_agg(recipient_type), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_commendations_insert AFTER INSERT ON commendation_recipient
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_commendations();
CREATE TRIGGER stats_rollup_commendations_update AFTER UPDATE ON commendation_recipient
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION stats_rollup_commendations();
CREATE TRIGGER stats_rollup_commendations_delete AFTER DELETE ON commendation_recipient
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_commendations();

CREATE FUNCTION stats_rollup_models() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_rollup_add('models', array_agg(unit_id), array_agg(started_on), array_agg(status),
      array_agg(field_id::text), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_rollup_add('models', array_agg(unit_id), array_agg(started_on), array_agg(status),
      array_agg(field_id::text), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_models_insert AFTER INSERT ON model
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_models();
CREATE TRIGGER stats_rollup_models_update AFTER UPDATE ON model
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_models();
CREATE TRIGGER stats_rollup_models_delete AFTER DELETE ON model
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_models();

-- The partial months at a period's edges are read from the records by date.
CREATE INDEX IF NOT EXISTS commendation_recipient_date_idx ON commendation_recipient (decision_date);

SELECT stats_rollup_add('commendations', array_agg(unit_id), array_agg(decision_date), array_agg(level),
  array_agg(recipient_type), array_agg(1)) FROM commendation_recipient;
SELECT stats_rollup_add('models', array_agg(unit_id), array_agg(started_on), array_agg(status),
  array_agg(field_id::text), array_agg(1)) FROM model;
