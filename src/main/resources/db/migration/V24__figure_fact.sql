-- Each case's share of the daily figures, kept by the fold beside figure_day, so the cases
-- behind any figure are read from an index instead of re-deriving them from a period's timeline
-- (which grew with the district's volume: seconds for a month of the whole district at a million
-- cases). One row per counting rule that fired: the measure (Measure.code), the day it counts on,
-- the case, the amount (1, -1, or working seconds), and the unit, base grid and category it counts for.
-- Columns ordered widest first, so that no byte of a row (about twelve per case) is padding.
CREATE TABLE figure_fact (
    case_id       bigint NOT NULL,
    unit_id       bigint,
    day           date NOT NULL,
    amount        integer NOT NULL,
    measure       smallint NOT NULL,
    grid_code     varchar(20),
    category_code varchar(20)
);
-- A measure's month for the district, a street or a category; the unit is in the key so that a
-- unit's drill-down is filtered inside the index, and the case and amount are carried so that the
-- district's and a unit's drill-downs read the index only.
CREATE INDEX figure_fact_measure_day ON figure_fact (measure, day, unit_id) INCLUDE (case_id, amount);

-- The indexes that served only the old drill-down: each transition no longer pays for them.
DROP INDEX IF EXISTS case_event_at;
DROP INDEX IF EXISTS case_event_prior_due;
DROP INDEX IF EXISTS case_event_resolved_step;

-- Fold the whole feed again from its start, so the facts of every past transition are kept too.
-- Until that fold has caught up (minutes at millions of cases) the figures of past months are
-- incomplete; the fold runs in the background after start.
TRUNCATE figure_day;
UPDATE figure_feed_position SET tx = '0', event_id = 0 WHERE id = 1;
