-- calendar: years an administrator added or corrected; they replace the shipped file of the same year.
CREATE TABLE calendar_year (
    year       integer PRIMARY KEY,
    document   jsonb NOT NULL,
    updated_by varchar(64) NOT NULL,
    updated_at timestamptz NOT NULL
);
