-- Inspections and recommendations in the dashboard's month rollup (migration 202611291410), kept exact by statement
-- triggers in the same transaction as every write, and moved with their unit when its place on today's structure
-- changes.
--   inspections:     the conducting committee, dated by the actual start (else the planned one), as the inspections
--                    module's own statistics date them; a = inspection or supervision, b = thematic or regular.
--   recommendations: the unit that must act on it (owner), dated by its deadline; a = status, b = 'none'. Whether
--                    one is overdue depends on today, so it is never stored: the dashboard derives it from the month
--                    (a deadline month before today's month is wholly past) and reads today's month from the records.

CREATE OR REPLACE FUNCTION stats_rollup_move(p_unit uuid[], p_old ltree[], p_new ltree[])
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
    UNION ALL
    SELECT 'meetings', s.unit_id, s.meeting_date, s.type, CASE WHEN s.theme_included THEN 'theme' ELSE 'none' END
    FROM cell_meeting s JOIN moved USING (unit_id)
    UNION ALL
    SELECT 'inspections', s.conducting_unit_id, coalesce(s.actual_start, s.planned_start), s.kind, s.form
    FROM inspection s JOIN moved ON moved.unit_id = s.conducting_unit_id
    UNION ALL
    SELECT 'recommendations', s.owner_unit_id, s.deadline, s.status, 'none'
    FROM recommendation s JOIN moved ON moved.unit_id = s.owner_unit_id
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

CREATE FUNCTION stats_rollup_inspections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_rollup_add('inspections', array_agg(conducting_unit_id),
      array_agg(coalesce(actual_start, planned_start)), array_agg(kind), array_agg(form), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_rollup_add('inspections', array_agg(conducting_unit_id),
      array_agg(coalesce(actual_start, planned_start)), array_agg(kind), array_agg(form), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_inspections_insert AFTER INSERT ON inspection
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_inspections();
CREATE TRIGGER stats_rollup_inspections_update AFTER UPDATE ON inspection
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION stats_rollup_inspections();
CREATE TRIGGER stats_rollup_inspections_delete AFTER DELETE ON inspection
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_inspections();

CREATE FUNCTION stats_rollup_recommendations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_rollup_add('recommendations', array_agg(owner_unit_id), array_agg(deadline), array_agg(status),
      array_agg('none'::text), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_rollup_add('recommendations', array_agg(owner_unit_id), array_agg(deadline), array_agg(status),
      array_agg('none'::text), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_recommendations_insert AFTER INSERT ON recommendation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_recommendations();
CREATE TRIGGER stats_rollup_recommendations_update AFTER UPDATE ON recommendation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION stats_rollup_recommendations();
CREATE TRIGGER stats_rollup_recommendations_delete AFTER DELETE ON recommendation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_recommendations();

-- The partial months at a period's edges (and today's month for recommendations) are read from the records by date.
CREATE INDEX inspection_day_idx ON inspection ((coalesce(actual_start, planned_start)));
CREATE INDEX recommendation_deadline_idx ON recommendation (deadline);

SELECT stats_rollup_add('inspections', array_agg(conducting_unit_id), array_agg(coalesce(actual_start, planned_start)),
  array_agg(kind), array_agg(form), array_agg(1)) FROM inspection;
SELECT stats_rollup_add('recommendations', array_agg(owner_unit_id), array_agg(deadline), array_agg(status),
  array_agg('none'::text), array_agg(1)) FROM recommendation;
