-- cases: the arbitration queue for ownerless matters (无头事项).
ALTER TABLE cases ADD COLUMN arbitration_due_at timestamptz;
ALTER TABLE cases ADD COLUMN arbitrated boolean NOT NULL DEFAULT false;
CREATE INDEX cases_in_arbitration ON cases (arbitration_due_at) WHERE arbitration_due_at IS NOT NULL;
