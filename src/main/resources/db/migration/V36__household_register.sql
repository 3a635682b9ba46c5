-- The grid's register of residents (人口信息): households at a building or an address in a base
-- grid, their members with care flags, the history of moves in and out, visits, and door-to-door
-- campaigns. The most sensitive data the platform holds (个人信息保护法): ID numbers are stored
-- encrypted (AES-GCM) with a keyed hash for lookups and a masked form for lists; only the grid's
-- own team and its community read it (households.RegisterAccessPolicy).

-- The flags a member may carry, kept by the administrator, with how often a flagged household is
-- visited (null: no visits due for it).
CREATE TABLE care_flag (
    code             varchar(32) PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
    name_zh          varchar(50) NOT NULL,
    name_en          varchar(80) NOT NULL,
    visit_every_days integer CHECK (visit_every_days BETWEEN 1 AND 366),
    active           boolean NOT NULL DEFAULT true
);
INSERT INTO care_flag (code, name_zh, name_en, visit_every_days) VALUES
    ('ELDERLY_ALONE', '独居老人', 'elderly living alone', 7),
    ('DISABILITY', '残疾人', 'disability', 30),
    ('LOW_INCOME', '低保户', 'low income', 30),
    ('LEFT_BEHIND_CHILD', '留守儿童', 'left-behind child', 14),
    ('VETERAN', '退役军人', 'veteran', 90),
    ('KEY_PERSON', '重点人员', 'key person for stability', 7);

CREATE TABLE household (
    id            bigserial PRIMARY KEY,
    grid_code     varchar(16) NOT NULL,
    building_code varchar(40) REFERENCES building (code),
    unit_no       varchar(10),
    room          varchar(20),
    address       varchar(400),
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL,
    CHECK (building_code IS NOT NULL OR address IS NOT NULL)
);
CREATE INDEX household_grid ON household (grid_code);
CREATE UNIQUE INDEX household_place ON household (building_code, coalesce(unit_no, ''), room)
    WHERE building_code IS NOT NULL AND room IS NOT NULL;

CREATE TABLE household_member (
    id               bigserial PRIMARY KEY,
    household_id     bigint NOT NULL REFERENCES household (id),
    name             varchar(100),
    id_cipher        bytea,
    id_hash          bytea,
    id_masked        varchar(20),
    phone            varchar(20),
    relation         varchar(16) NOT NULL CHECK (relation IN ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING',
                                                              'OTHER')),
    residence        varchar(16) NOT NULL CHECK (residence IN ('REGISTERED', 'RESIDENT', 'BOTH')),
    flags            text[] NOT NULL DEFAULT '{}',
    moved_in_on      date NOT NULL,
    moved_out_on     date,
    erased_at        timestamptz,
    updated_at       timestamptz NOT NULL,
    CHECK (moved_out_on IS NULL OR moved_out_on >= moved_in_on),
    CHECK (erased_at IS NOT NULL OR (name IS NOT NULL AND id_cipher IS NOT NULL AND id_hash IS NOT NULL))
);
CREATE INDEX household_member_household ON household_member (household_id);
-- One living registration per person: an ID number is in at most one household at a time.
CREATE UNIQUE INDEX household_member_person ON household_member (id_hash) WHERE moved_out_on IS NULL AND erased_at IS NULL;

-- Moves in and out, written once.
CREATE TABLE member_move (
    id         bigserial PRIMARY KEY,
    member_id  bigint NOT NULL REFERENCES household_member (id),
    kind       varchar(8) NOT NULL CHECK (kind IN ('IN', 'OUT')),
    on_date    date NOT NULL,
    reason     varchar(400),
    by_actor   varchar(64) NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX member_move_member ON member_move (member_id);

-- Door-to-door campaigns (入户走访): over chosen grids, a checklist per household.
CREATE TABLE register_campaign (
    id          bigserial PRIMARY KEY,
    title       varchar(200) NOT NULL,
    kind        varchar(16) NOT NULL CHECK (kind IN ('SCREENING', 'CENSUS', 'NOTICE')),
    grid_codes  text[] NOT NULL,
    checklist   text[] NOT NULL,
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL,
    CHECK (ends_on >= starts_on)
);

-- A visit to a household: a care visit, or a campaign's check with its answers (one per household
-- and campaign).
CREATE TABLE household_visit (
    id           bigserial PRIMARY KEY,
    household_id bigint NOT NULL REFERENCES household (id),
    campaign_id  bigint REFERENCES register_campaign (id),
    by_staff_id  bigint NOT NULL,
    by_name      varchar(100) NOT NULL,
    at           timestamptz NOT NULL,
    note         varchar(4000),
    answers      boolean[],
    idempotency_key varchar(200),
    UNIQUE (by_staff_id, idempotency_key)
);
CREATE INDEX household_visit_household ON household_visit (household_id, at DESC);
CREATE UNIQUE INDEX household_visit_campaign ON household_visit (campaign_id, household_id) WHERE campaign_id IS NOT NULL;

-- Reveals and exports of the register are logged like reporters' reveals: a subject instead of a case.
ALTER TABLE personal_data_access ALTER COLUMN case_id DROP NOT NULL;
ALTER TABLE personal_data_access ADD COLUMN subject varchar(80);
