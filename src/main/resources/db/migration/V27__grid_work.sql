-- directory: a grid team as the seeds staff it. A post may be held by a staff account or by a
-- resident without one (a building head, a property company's contact); the contact phone is
-- the one published on the grid's public page (网格公开).
ALTER TABLE grid_assignment DROP CONSTRAINT grid_assignment_pkey;
ALTER TABLE grid_assignment ADD COLUMN id bigserial PRIMARY KEY;
ALTER TABLE grid_assignment ALTER COLUMN staff_id DROP NOT NULL;
ALTER TABLE grid_assignment ADD COLUMN person_name varchar(200);
ALTER TABLE grid_assignment ADD COLUMN contact_phone varchar(32);
ALTER TABLE grid_assignment ADD COLUMN place_code varchar(40);
ALTER TABLE grid_assignment ADD CONSTRAINT grid_assignment_holder CHECK (staff_id IS NOT NULL OR person_name IS NOT NULL);
CREATE UNIQUE INDEX grid_assignment_staff_post ON grid_assignment (grid_code, staff_id, post) WHERE staff_id IS NOT NULL;
CREATE UNIQUE INDEX grid_assignment_person_post ON grid_assignment (grid_code, person_name, post) WHERE staff_id IS NULL;

-- gridwork: compounds (小区) and their buildings below a base grid, each with a point.
CREATE TABLE compound (
    code      varchar(40) PRIMARY KEY,
    grid_code varchar(16) NOT NULL,
    name      varchar(200) NOT NULL,
    lat       double precision NOT NULL,
    lng       double precision NOT NULL
);
CREATE INDEX compound_grid ON compound (grid_code);
CREATE TABLE building (
    code          varchar(40) PRIMARY KEY,
    compound_code varchar(40) NOT NULL REFERENCES compound (code),
    name          varchar(200) NOT NULL,
    lat           double precision NOT NULL,
    lng           double precision NOT NULL,
    unit_count    integer NOT NULL DEFAULT 1
);

-- gridwork: patrols (巡查) with their track and the cases found on the way.
CREATE TABLE patrol (
    id              bigserial PRIMARY KEY,
    staff_id        bigint NOT NULL,
    grid_code       varchar(16),
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    summary         varchar(4000),
    distance_m      double precision NOT NULL DEFAULT 0,
    idempotency_key varchar(200),
    version         bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX patrol_idempotency ON patrol (staff_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX patrol_staff_started ON patrol (staff_id, started_at);
CREATE INDEX patrol_started ON patrol (started_at);
CREATE TABLE patrol_point (
    patrol_id bigint NOT NULL REFERENCES patrol (id),
    at        timestamptz NOT NULL,
    lat       double precision NOT NULL,
    lng       double precision NOT NULL,
    PRIMARY KEY (patrol_id, at)
);
CREATE TABLE patrol_finding (
    patrol_id bigint NOT NULL REFERENCES patrol (id),
    case_id   bigint NOT NULL,
    case_code varchar(32) NOT NULL,
    title     varchar(200) NOT NULL,
    at        timestamptz NOT NULL,
    lat       double precision NOT NULL,
    lng       double precision NOT NULL,
    settled   boolean NOT NULL,
    PRIMARY KEY (patrol_id, case_id)
);

-- gridwork: inspections (检查) of a place against a checklist the administrator defines.
CREATE TABLE checklist (
    id         bigserial PRIMARY KEY,
    name       varchar(200) NOT NULL UNIQUE,
    place_kind varchar(32) NOT NULL,
    items      text[] NOT NULL
);
CREATE TABLE inspection (
    id              bigserial PRIMARY KEY,
    checklist_id    bigint NOT NULL REFERENCES checklist (id),
    staff_id        bigint NOT NULL,
    place_name      varchar(200) NOT NULL,
    lat             double precision NOT NULL,
    lng             double precision NOT NULL,
    grid_code       varchar(16),
    at              timestamptz NOT NULL,
    failed          integer NOT NULL,
    idempotency_key varchar(200)
);
CREATE UNIQUE INDEX inspection_idempotency ON inspection (staff_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX inspection_staff_at ON inspection (staff_id, at);
CREATE TABLE inspection_item (
    inspection_id bigint NOT NULL REFERENCES inspection (id),
    item_no       integer NOT NULL,
    passed        boolean NOT NULL,
    note          varchar(4000),
    case_id       bigint,
    case_code     varchar(32),
    PRIMARY KEY (inspection_id, item_no)
);

-- gridwork: cadres posted to compounds or grids (双报到/下沉) and their duty shifts (值班).
CREATE TABLE cadre_posting (
    id         bigserial PRIMARY KEY,
    staff_id   bigint NOT NULL,
    unit_id    bigint NOT NULL,
    place_code varchar(40) NOT NULL,
    from_date  date NOT NULL,
    to_date    date NOT NULL,
    UNIQUE (staff_id, place_code, from_date)
);
CREATE INDEX cadre_posting_place ON cadre_posting (place_code);
CREATE TABLE duty_shift (
    id            bigserial PRIMARY KEY,
    posting_id    bigint NOT NULL REFERENCES cadre_posting (id),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    checked_in_at timestamptz,
    check_in_lat  double precision,
    check_in_lng  double precision,
    log           varchar(4000),
    CHECK (ends_at > starts_at)
);
CREATE INDEX duty_shift_posting ON duty_shift (posting_id, starts_at);
CREATE INDEX duty_shift_starts ON duty_shift (starts_at);
