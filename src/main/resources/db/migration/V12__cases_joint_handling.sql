-- cases: joint handling (吹哨报到): co-handling units summoned onto a case, each to report in.
CREATE TABLE case_co_handler (
    case_id     bigint NOT NULL REFERENCES cases (id),
    unit_id     bigint NOT NULL,
    due_at      timestamptz NOT NULL,
    reported_at timestamptz,
    report      text,
    PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_co_handler_unit ON case_co_handler (unit_id) WHERE reported_at IS NULL;
