-- volunteering: volunteer points with merchant rewards (志愿积分, seed 001). Volunteers and
-- merchants sign in with accounts of their own roles; their names and phones are kept here.
CREATE TABLE volunteer (
    id             bigserial PRIMARY KEY,
    staff_id       bigint NOT NULL UNIQUE,
    number         varchar(16) NOT NULL UNIQUE, -- the account's name, to sign in with
    name           varchar(200) NOT NULL,
    phone          varchar(32) NOT NULL UNIQUE,
    community_code varchar(16) NOT NULL,
    registered_at  timestamptz NOT NULL
);
CREATE INDEX volunteer_community ON volunteer (community_code);

CREATE TABLE merchant (
    id             bigserial PRIMARY KEY,
    staff_id       bigint NOT NULL UNIQUE,
    username       varchar(64) NOT NULL UNIQUE,
    name           varchar(200) NOT NULL,
    community_code varchar(16) NOT NULL,
    address        varchar(400),
    registered_at  timestamptz NOT NULL
);

-- An activity a community publishes: time, place, capacity and its points rule.
CREATE TABLE activity (
    id               bigserial PRIMARY KEY,
    community_code   varchar(16) NOT NULL,
    title            varchar(200) NOT NULL,
    place            varchar(200) NOT NULL,
    starts_at        timestamptz NOT NULL,
    ends_at          timestamptz NOT NULL,
    capacity         integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    points_per_hour  integer NOT NULL CHECK (points_per_hour BETWEEN 1 AND 100),
    max_hours        integer NOT NULL CHECK (max_hours BETWEEN 1 AND 24),
    organiser_id     bigint NOT NULL,
    organiser        varchar(64) NOT NULL,
    check_code       varchar(6),
    check_code_until timestamptz,
    created_at       timestamptz NOT NULL,
    CHECK (ends_at > starts_at)
);
CREATE INDEX activity_community ON activity (community_code, starts_at);

CREATE TABLE activity_signup (
    activity_id    bigint NOT NULL REFERENCES activity (id),
    volunteer_id   bigint NOT NULL REFERENCES volunteer (id),
    signed_up_at   timestamptz NOT NULL,
    checked_in_at  timestamptz,
    checked_out_at timestamptz,
    confirmed_at   timestamptz,
    minutes        integer,
    points         integer,
    PRIMARY KEY (activity_id, volunteer_id)
);
CREATE INDEX activity_signup_volunteer ON activity_signup (volunteer_id);

CREATE TABLE reward (
    id           bigserial PRIMARY KEY,
    merchant_id  bigint NOT NULL REFERENCES merchant (id),
    title        varchar(200) NOT NULL,
    description  varchar(2000),
    points_price integer NOT NULL CHECK (points_price BETWEEN 1 AND 100000),
    stock        integer NOT NULL CHECK (stock >= 0),
    created_at   timestamptz NOT NULL
);

CREATE TABLE redemption (
    id              bigserial PRIMARY KEY,
    reward_id       bigint NOT NULL REFERENCES reward (id),
    volunteer_id    bigint NOT NULL REFERENCES volunteer (id),
    points          integer NOT NULL,
    code            varchar(12) NOT NULL UNIQUE,
    idempotency_key varchar(200),
    at              timestamptz NOT NULL,
    honoured_at     timestamptz
);
CREATE UNIQUE INDEX redemption_idempotency ON redemption (volunteer_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX redemption_reward ON redemption (reward_id);

-- The points ledger, in double entry as time banks keep it: every movement is two entries that
-- sum to zero, between a volunteer's account (V:id) and a community's issuing account (C:code)
-- or a merchant's account (M:id). A balance is the sum of an account's entries. Entries are
-- never changed or removed: a correction is a new movement with a reason.
CREATE SEQUENCE points_movement;
CREATE TABLE points_entry (
    id            bigserial PRIMARY KEY,
    movement      bigint NOT NULL,
    account       varchar(40) NOT NULL,
    amount        integer NOT NULL CHECK (amount <> 0),
    kind          varchar(16) NOT NULL CHECK (kind IN ('EARNED', 'REDEEMED', 'CORRECTION')),
    activity_id   bigint,
    redemption_id bigint,
    reason        varchar(400),
    actor         varchar(64) NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX points_entry_account ON points_entry (account, at);
CREATE INDEX points_entry_movement ON points_entry (movement);

CREATE FUNCTION points_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'points entries are never changed or removed; write a correction';
END $$;
CREATE TRIGGER points_entry_append_only BEFORE UPDATE OR DELETE ON points_entry
    FOR EACH ROW EXECUTE FUNCTION points_entry_append_only();
