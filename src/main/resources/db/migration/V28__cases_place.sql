-- cases: a case may be located to a compound or building (grid's compound/building codes).
ALTER TABLE cases ADD COLUMN place_code varchar(40);
