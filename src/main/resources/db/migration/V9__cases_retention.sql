-- cases: when a reporter's personal data was removed by the retention job.
ALTER TABLE cases ADD COLUMN anonymised_at timestamptz;
CREATE INDEX cases_closed_not_anonymised ON cases (closed_at) WHERE anonymised_at IS NULL AND closed_at IS NOT NULL;
