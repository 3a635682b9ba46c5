-- cases: what each timeline entry changed, for the assessment figures (the transition feed).
-- tx is the writing transaction's id: every entry whose tx is below the oldest running
-- transaction is final, so a reader can page through the feed without missing a late commit.
ALTER TABLE case_event
    ADD COLUMN tx                    xid8 NOT NULL DEFAULT pg_current_xact_id(),
    ADD COLUMN unit_id               bigint,
    ADD COLUMN prior_unit_id         bigint,
    ADD COLUMN due_at                timestamptz,
    ADD COLUMN prior_due_at          timestamptz,
    ADD COLUMN prior_step_started_at timestamptz,
    ADD COLUMN category_code         varchar(20),
    ADD COLUMN prior_category_code   varchar(20),
    ADD COLUMN stars                 smallint;
CREATE INDEX case_event_feed ON case_event (tx, id);
CREATE INDEX case_event_at ON case_event (at);
CREATE INDEX case_event_prior_due ON case_event (prior_due_at) WHERE prior_due_at IS NOT NULL;
