-- Cell meetings in the dashboard's month rollup (migration 202611291410): a = regular or thematic, b = whether the
-- theme was studied, kept up to date by statement triggers in the same transaction as every meeting written, and
-- moved with its cell when the cell's place on today's structure changes.
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

CREATE FUNCTION stats_rollup_meetings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM stats_rollup_add('meetings', array_agg(unit_id), array_agg(meeting_date), array_agg(type),
      array_agg(CASE WHEN theme_included THEN 'theme' ELSE 'none' END), array_agg(-1)) FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM stats_rollup_add('meetings', array_agg(unit_id), array_agg(meeting_date), array_agg(type),
      array_agg(CASE WHEN theme_included THEN 'theme' ELSE 'none' END), array_agg(1)) FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER stats_rollup_meetings_insert AFTER INSERT ON cell_meeting
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_meetings();
CREATE TRIGGER stats_rollup_meetings_update AFTER UPDATE ON cell_meeting
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_meetings();
CREATE TRIGGER stats_rollup_meetings_delete AFTER DELETE ON cell_meeting
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_rollup_meetings();

SELECT stats_rollup_add('meetings', array_agg(unit_id), array_agg(meeting_date), array_agg(type),
  array_agg(CASE WHEN theme_included THEN 'theme' ELSE 'none' END), array_agg(1)) FROM cell_meeting;
