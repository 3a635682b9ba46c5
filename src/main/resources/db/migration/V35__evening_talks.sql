-- evening talks: a village's or community's evening meeting (乡村夜话, seed 004) and the topics
-- it takes up: gathered beforehand, decided in the minutes (settled on the spot, or forwarded
-- to the town as a case), and reported on at the next meeting.
CREATE TABLE evening_talk (
    id              bigserial PRIMARY KEY,
    community_code  varchar(16) NOT NULL,
    starts_at       timestamptz NOT NULL,
    place           varchar(200) NOT NULL,
    host            varchar(100) NOT NULL,
    planned_by      varchar(64) NOT NULL,
    noticed_at      timestamptz,
    held_at         timestamptz,
    attendance      integer CHECK (attendance BETWEEN 0 AND 100000),
    minutes         text,
    idempotency_key varchar(200),
    created_at      timestamptz NOT NULL,
    UNIQUE (planned_by, idempotency_key)
);
CREATE INDEX evening_talk_community ON evening_talk (community_code, starts_at DESC);

-- A topic: from a resident, a grid worker, the secretary, or an open case of the village.
-- talk_id is null while it waits for the village's next meeting.
CREATE TABLE talk_topic (
    id              bigserial PRIMARY KEY,
    community_code  varchar(16) NOT NULL,
    talk_id         bigint REFERENCES evening_talk (id),
    source          varchar(16) NOT NULL CHECK (source IN ('RESIDENT', 'GRID_WORKER', 'SECRETARY', 'OPEN_MATTER')),
    title           varchar(200) NOT NULL,
    detail          text,
    raised_by       varchar(100) NOT NULL,
    raiser_phone    varchar(32),
    open_case_id    bigint,
    outcome         varchar(16) CHECK (outcome IN ('SETTLED', 'FORWARDED')),
    action          text,
    owner_name      varchar(100),
    due_on          date,
    forwarded_unit_id bigint,
    case_id         bigint,
    case_code       varchar(32),
    done_at         timestamptz,
    decided_by      varchar(64),
    decided_at      timestamptz,
    key_owner       varchar(64) NOT NULL, -- whose idempotency keys: a staff username or resident:<phone>
    idempotency_key varchar(200),
    created_at      timestamptz NOT NULL,
    UNIQUE (key_owner, idempotency_key),
    CHECK (outcome IS NULL OR (action IS NOT NULL AND owner_name IS NOT NULL AND due_on IS NOT NULL)),
    CHECK (outcome IS DISTINCT FROM 'FORWARDED' OR case_id IS NOT NULL)
);
CREATE INDEX talk_topic_talk ON talk_topic (talk_id);
CREATE INDEX talk_topic_community ON talk_topic (community_code, created_at);
CREATE UNIQUE INDEX talk_topic_case ON talk_topic (case_id) WHERE case_id IS NOT NULL;
