-- Where each unit's records go on today's structure (issue 5, "Structure"), kept up to date by triggers in the same
-- transaction as every change to the tree, so figures "on today's structure" are never stale and need no rebuild.
--
-- current(u) = u while u exists (valid_to IS NULL); for a closed unit, current(its primary successor) when lineage
-- names one, else current(its parent) (a dissolved cell's records stay with the committee above it). The chain ends at
-- an existing unit or at the root, so every record lands on exactly one unit of today's tree: totals are conserved.
-- `path` repeats the unit's own path so that one join gives both structures (and the scope check, which always goes
-- by the unit as recorded).
CREATE TABLE org_unit_current (
  unit_id uuid PRIMARY KEY REFERENCES org_unit (id) ON DELETE CASCADE,
  path ltree NOT NULL,
  current_id uuid NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  current_path ltree NOT NULL
);
CREATE INDEX org_unit_current_path_gist ON org_unit_current USING gist (path);
CREATE INDEX org_unit_current_current_path_gist ON org_unit_current USING gist (current_path);
CREATE INDEX org_unit_current_current_idx ON org_unit_current (current_id);

-- Recomputes the rows of `seeds` and of every unit whose chain passes through one of them (walking lineage and
-- closed children backwards), so one changed unit costs its own history, not the whole tree.
CREATE FUNCTION org_unit_current_refresh(seeds uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
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
  )
  INSERT INTO org_unit_current (unit_id, path, current_id, current_path)
  SELECT e.start, s.path, e.at, t.path
  FROM ends e JOIN org_unit s ON s.id = e.start JOIN org_unit t ON t.id = e.at
  ON CONFLICT (unit_id) DO UPDATE
    SET path = excluded.path, current_id = excluded.current_id, current_path = excluded.current_path
    WHERE (org_unit_current.path, org_unit_current.current_id)
      IS DISTINCT FROM (excluded.path, excluded.current_id);
END;
$$;

CREATE FUNCTION org_unit_current_on_unit_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM org_unit_current_refresh(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END;
$$;

CREATE FUNCTION org_unit_current_on_unit_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM org_unit_current_refresh(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.valid_to IS DISTINCT FROM o.valid_to OR n.parent_id IS DISTINCT FROM o.parent_id OR n.path <> o.path));
  RETURN NULL;
END;
$$;

CREATE FUNCTION org_unit_current_on_lineage_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM org_unit_current_refresh(ARRAY(SELECT DISTINCT from_unit_id FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM org_unit_current_refresh(ARRAY(SELECT DISTINCT from_unit_id FROM old_rows));
  ELSE
    PERFORM org_unit_current_refresh(ARRAY(
      SELECT from_unit_id FROM new_rows UNION SELECT from_unit_id FROM old_rows));
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER org_unit_current_unit_insert AFTER INSERT ON org_unit
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION org_unit_current_on_unit_insert();
CREATE TRIGGER org_unit_current_unit_update AFTER UPDATE ON org_unit
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION org_unit_current_on_unit_update();
CREATE TRIGGER org_unit_current_lineage_insert AFTER INSERT ON org_lineage
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION org_unit_current_on_lineage_change();
CREATE TRIGGER org_unit_current_lineage_delete AFTER DELETE ON org_lineage
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION org_unit_current_on_lineage_change();
CREATE TRIGGER org_unit_current_lineage_update AFTER UPDATE ON org_lineage
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION org_unit_current_on_lineage_change();

SELECT org_unit_current_refresh(ARRAY(SELECT id FROM org_unit));
