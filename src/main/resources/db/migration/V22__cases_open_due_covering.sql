-- cases: the open cases' deadlines carry what the assessment counts missed deadlines by (state,
-- unit, grid, category), so that counting them reads the index alone.
DROP INDEX cases_open_due;
CREATE INDEX cases_open_due ON cases (due_at) INCLUDE (state, owner_unit_id, grid_code, category_code)
    WHERE state NOT IN ('CLOSED', 'VOID');
