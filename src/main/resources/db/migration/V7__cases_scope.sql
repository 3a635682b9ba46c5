-- cases: every unit a case was ever assigned to, for data scope ("cases that are or were theirs").
ALTER TABLE cases ADD COLUMN involved_unit_ids bigint[] NOT NULL DEFAULT '{}';
UPDATE cases SET involved_unit_ids = ARRAY[owner_unit_id] WHERE owner_unit_id IS NOT NULL;
CREATE INDEX cases_involved_units ON cases USING gin (involved_unit_ids);
