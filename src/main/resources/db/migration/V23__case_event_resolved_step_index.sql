-- cases: resolutions by the start of the handling step they end, so that the drill-down behind
-- a month's resolution rate finds them without reading the whole timeline (only RESOLVE entries).
CREATE INDEX case_event_resolved_step ON case_event (prior_step_started_at) WHERE action = 'RESOLVE';
