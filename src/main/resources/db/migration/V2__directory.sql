-- directory: units, staff accounts and grid teams.
CREATE TABLE unit (
    id          bigserial PRIMARY KEY,
    code        varchar(40) NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    kind        varchar(32) NOT NULL,
    parent_id   bigint REFERENCES unit (id),
    region_code varchar(16) NOT NULL,
    line        varchar(40)
);
CREATE INDEX unit_region ON unit (region_code);

CREATE TABLE staff (
    id            bigserial PRIMARY KEY,
    username      varchar(64) NOT NULL UNIQUE,
    display_name  varchar(200) NOT NULL,
    role          varchar(32) NOT NULL,
    unit_id       bigint REFERENCES unit (id),
    password_hash varchar(200) NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE grid_assignment (
    grid_code varchar(16) NOT NULL,
    staff_id  bigint NOT NULL REFERENCES staff (id),
    post      varchar(32) NOT NULL,
    duty      varchar(200),
    PRIMARY KEY (grid_code, staff_id)
);
CREATE INDEX grid_assignment_staff ON grid_assignment (staff_id);
