-- cases: the category the classifier chose at intake, so that the dashboard's automatic-dispatch
-- accuracy (kept: never re-categorised nor returned) reads one index instead of every timeline.
ALTER TABLE cases ADD COLUMN classifier_category varchar(20);
UPDATE cases c SET classifier_category = c.category_code
WHERE c.classifier_version IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = c.id AND e.action = 'CATEGORISE');
DROP INDEX cases_auto_dispatched;
CREATE INDEX cases_auto_dispatched ON cases (received_at) INCLUDE (return_count, category_code, classifier_category)
    WHERE classifier_version IS NOT NULL;
