-- Month totals of every dashboard figure per unit at depth 2 (provinces) and 3 (the units directly under a
-- province), in both structures (issue 5, "Speed at national scale"). The national and provincial dashboards read
-- these few thousand rows instead of every record; deeper units, campaign filters and the partial months at the
-- edges of a period read the records themselves (dashboard.repository.ts), and that record query stays the
-- definition: tests check the two agree.
--
-- Kept exact in the same transaction as every write: statement triggers on each record table add the change of the
-- statement (transition tables, so a COPY of a million rows costs one aggregate), and a trigger on org_unit_current
-- moves the records of a unit whose place on today's structure changed. Never rebuilt later, never stale.
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

CREATE FUNCTION stats_rollup_on_unit_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stats_rollup_move(array_agg(n.unit_id), array_agg(o.current_path), array_agg(n.current_path))
  FROM new_rows n JOIN old_rows o ON o.unit_id = n.unit_id
  WHERE n.current_path <> o.current_path;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_unit_move AFTER UPDATE ON org_unit_current
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION stats_rollup_on_unit_move();

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
