-- Petitions and disputes (信访、矛盾纠纷): each a case on the PETITION channel with its petition
-- record: graded red, yellow or blue by the administrator's rules (红黄蓝三级分类处置) with the
-- grade's own clocks, linked to the same person's and the same matter's earlier petitions (初信初访
-- and repeats), taken by a leader with a task force and a plan (包案、一案一专班), visited at home
-- (带案下访) and mediated by a committee (人民调解) with a signed agreement followed up.

-- A grade's clocks (working days from registration) and who is told when a petition gets it.
CREATE TABLE petition_grade (
    grade               varchar(8) PRIMARY KEY CHECK (grade IN ('RED', 'YELLOW', 'BLUE')),
    contact_within_days integer NOT NULL CHECK (contact_within_days BETWEEN 1 AND 60),
    resolve_within_days integer NOT NULL CHECK (resolve_within_days BETWEEN 1 AND 365),
    tell_roles          text[] NOT NULL
);
INSERT INTO petition_grade VALUES
    ('RED', 1, 15, '{DISTRICT_LEADER,UNIT_LEADER}'),
    ('YELLOW', 2, 30, '{UNIT_LEADER}'),
    ('BLUE', 3, 60, '{}');

-- The grading rules, tried in order; the first that holds grades the petition (none: blue).
CREATE TABLE petition_rule (
    id        bigserial PRIMARY KEY,
    position  integer NOT NULL,
    name      varchar(100) NOT NULL,
    kind      varchar(16) NOT NULL CHECK (kind IN ('RISK_TO_LIFE', 'GROUP_SIZE', 'REPEATS', 'ESCALATED')),
    threshold integer NOT NULL DEFAULT 1 CHECK (threshold BETWEEN 1 AND 100000),
    grade     varchar(8) NOT NULL REFERENCES petition_grade (grade),
    active    boolean NOT NULL DEFAULT true
);
INSERT INTO petition_rule (position, name, kind, threshold, grade) VALUES
    (1, '有人身安全风险（极端言行）', 'RISK_TO_LIFE', 1, 'RED'),
    (2, '群体性（10人及以上）', 'GROUP_SIZE', 10, 'RED'),
    (3, '越级到市、省、京', 'ESCALATED', 1, 'RED'),
    (4, '重复信访（3次及以上）', 'REPEATS', 3, 'RED'),
    (5, '多人联名（5人及以上）', 'GROUP_SIZE', 5, 'YELLOW'),
    (6, '重复信访（1次及以上）', 'REPEATS', 1, 'YELLOW');

CREATE TABLE petition (
    id               bigserial PRIMARY KEY,
    case_id          bigint NOT NULL UNIQUE,
    petitioner_name  varchar(100) NOT NULL,
    petitioner_phone varchar(20) NOT NULL,
    group_size       integer NOT NULL CHECK (group_size BETWEEN 1 AND 100000),
    risk_to_life     boolean NOT NULL,
    escalated        boolean NOT NULL,
    matter_key       varchar(80) NOT NULL,
    grade            varchar(8) NOT NULL REFERENCES petition_grade (grade),
    graded_by_rule   varchar(100),
    first_petition   boolean NOT NULL,
    earlier_count    integer NOT NULL,
    unit_id          bigint,
    grid_code        varchar(16),
    contact_due_at   timestamptz NOT NULL,
    resolve_due_at   timestamptz NOT NULL,
    contacted_at     timestamptz,
    overdue_told_at  timestamptz,
    leader_staff_id  bigint,
    leader_name      varchar(100),
    task_force       varchar(1000),
    taken_at         timestamptz,
    created_by       varchar(64) NOT NULL,
    created_at       timestamptz NOT NULL,
    idempotency_key  varchar(200),
    UNIQUE (created_by, idempotency_key)
);
CREATE INDEX petition_phone ON petition (petitioner_phone);
CREATE INDEX petition_matter ON petition (matter_key);
CREATE INDEX petition_created ON petition (created_at);

CREATE TABLE petition_link (
    petition_id bigint NOT NULL REFERENCES petition (id),
    earlier_id  bigint NOT NULL REFERENCES petition (id),
    reason      varchar(8) NOT NULL CHECK (reason IN ('PERSON', 'MATTER', 'BOTH')),
    PRIMARY KEY (petition_id, earlier_id)
);

CREATE TABLE petition_regrade (
    id          bigserial PRIMARY KEY,
    petition_id bigint NOT NULL REFERENCES petition (id),
    from_grade  varchar(8) NOT NULL,
    to_grade    varchar(8) NOT NULL,
    reason      varchar(500) NOT NULL,
    by_actor    varchar(64) NOT NULL,
    at          timestamptz NOT NULL
);

-- The task force's plan: steps with dates, each reported done with what was done.
CREATE TABLE petition_step (
    id          bigserial PRIMARY KEY,
    petition_id bigint NOT NULL REFERENCES petition (id),
    position    integer NOT NULL,
    description varchar(500) NOT NULL,
    due_on      date NOT NULL,
    done_at     timestamptz,
    report      varchar(4000),
    reported_by varchar(64),
    UNIQUE (petition_id, position)
);

-- Visits to the petitioner's home, with notes and a photo kept with the case.
CREATE TABLE petition_visit (
    id          bigserial PRIMARY KEY,
    petition_id bigint NOT NULL REFERENCES petition (id),
    by_staff_id bigint NOT NULL,
    by_name     varchar(100) NOT NULL,
    at          timestamptz NOT NULL,
    note        varchar(4000) NOT NULL,
    photo_id    bigint
);

-- Mediation sessions by a community or town committee, with the signed agreement's scan.
CREATE TABLE mediation (
    id               bigserial PRIMARY KEY,
    petition_id      bigint NOT NULL REFERENCES petition (id),
    committee_unit_id bigint NOT NULL,
    held_on          date NOT NULL,
    parties          varchar(1000) NOT NULL,
    outcome          varchar(8) NOT NULL CHECK (outcome IN ('AGREED', 'PARTIAL', 'FAILED')),
    terms            varchar(4000),
    agreement        bytea,
    agreement_type   varchar(40),
    follow_up_on     date,
    followed_up_at   timestamptz,
    follow_up_note   varchar(4000),
    kept             boolean,
    by_actor         varchar(64) NOT NULL,
    at               timestamptz NOT NULL,
    CHECK (outcome = 'FAILED' OR agreement IS NOT NULL)
);
CREATE INDEX mediation_petition ON mediation (petition_id);
