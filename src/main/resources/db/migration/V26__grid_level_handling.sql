-- Grid-level handling (小事不出格): a category may name the base grid's team as its lowest owner.
ALTER TABLE category ADD COLUMN owner_grid varchar(80);
UPDATE category SET owner_grid = 'GRID_TEAM' WHERE code IN ('0112', '0113', '0303', '1102', '0402') AND limit_amount IS NOT NULL;

-- One person may hold several posts in one grid (一人兼) and posts in several grids (多包一).
ALTER TABLE grid_assignment DROP CONSTRAINT grid_assignment_pkey;
ALTER TABLE grid_assignment ADD PRIMARY KEY (grid_code, staff_id, post);
