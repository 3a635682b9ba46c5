-- cases: a merged case points at the case it was merged into; that case keeps every reporter.
ALTER TABLE cases ADD COLUMN merged_into bigint REFERENCES cases (id);
CREATE TABLE case_linked_reporter (
    case_id        bigint NOT NULL REFERENCES cases (id),
    from_case_id   bigint NOT NULL REFERENCES cases (id),
    reporter_name  varchar(200),
    reporter_phone varchar(32),
    PRIMARY KEY (case_id, from_case_id)
);
-- dispatch: how far apart and how close in time two reports may be to count as the same matter, per category.
CREATE TABLE duplicate_window (
    category_code varchar(20) PRIMARY KEY,
    radius_m      integer NOT NULL CHECK (radius_m BETWEEN 1 AND 100000),
    window_hours  integer NOT NULL CHECK (window_hours BETWEEN 1 AND 8760)
);
