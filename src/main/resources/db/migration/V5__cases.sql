-- cases: the case aggregate and its append-only timeline.
CREATE SEQUENCE case_id_seq;

CREATE TABLE cases (
    id                     bigint PRIMARY KEY,
    code                   varchar(32) NOT NULL UNIQUE,
    channel                varchar(32) NOT NULL,
    title                  varchar(200) NOT NULL,
    description            text NOT NULL,
    lat                    double precision,
    lng                    double precision,
    address                varchar(4000),
    grid_code              varchar(16),
    category_code          varchar(20),
    reporter_name          varchar(200),
    reporter_phone         varchar(32),
    received_at            timestamptz NOT NULL,
    created_by             varchar(64) NOT NULL,
    idempotency_key        varchar(200),
    state                  varchar(16) NOT NULL,
    owner_unit_id          bigint,
    step_started_at        timestamptz NOT NULL,
    due_at                 timestamptz,
    handling_due_at        timestamptz,
    return_count           integer NOT NULL DEFAULT 0,
    rework_count           integer NOT NULL DEFAULT 0,
    extension_count        integer NOT NULL DEFAULT 0,
    urge_count             integer NOT NULL DEFAULT 0,
    escalation_level       integer NOT NULL DEFAULT 0,
    pending_extension_days integer,
    resolution             text,
    stars                  smallint,
    resolved_at            timestamptz,
    closed_at              timestamptz,
    updated_at             timestamptz NOT NULL,
    version                bigint NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX cases_idempotency ON cases (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX cases_received ON cases (received_at DESC, id DESC);
CREATE INDEX cases_state ON cases (state, received_at DESC);
CREATE INDEX cases_owner ON cases (owner_unit_id, state);
CREATE INDEX cases_grid ON cases (grid_code varchar_pattern_ops);
CREATE INDEX cases_category ON cases (category_code varchar_pattern_ops);
CREATE INDEX cases_open_due ON cases (due_at) WHERE state NOT IN ('CLOSED', 'VOID');

CREATE TABLE case_event (
    id         bigserial PRIMARY KEY,
    case_id    bigint NOT NULL REFERENCES cases (id),
    at         timestamptz NOT NULL,
    actor      varchar(64) NOT NULL,
    actor_role varchar(32) NOT NULL,
    action     varchar(32) NOT NULL,
    from_state varchar(16),
    to_state   varchar(16) NOT NULL,
    detail     varchar(4000),
    note       text
);
CREATE INDEX case_event_case ON case_event (case_id, id);
