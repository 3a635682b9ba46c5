-- notify: the outbox. Messages are derived exactly once from the committed case timeline (each
-- with a unique dedupe key: the timeline entry, the recipient and the channel), then delivered
-- with retry and back-off; FAILED after the last attempt, visible to staff and resendable.
CREATE TABLE notification (
    id              bigserial PRIMARY KEY,
    dedupe_key      varchar(200) NOT NULL UNIQUE,
    event           varchar(40) NOT NULL,
    channel         varchar(16) NOT NULL CHECK (channel IN ('IN_APP', 'EMAIL', 'SMS')),
    staff_id        bigint,
    address         varchar(200),
    case_id         bigint,
    case_code       varchar(32),
    subject         varchar(400) NOT NULL,
    body            varchar(4000) NOT NULL,
    urgent          boolean NOT NULL DEFAULT false,
    state           varchar(16) NOT NULL CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    read_at         timestamptz
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE state IN ('PENDING', 'SENDING');
CREATE INDEX notification_staff ON notification (staff_id, created_at DESC) WHERE staff_id IS NOT NULL;
CREATE INDEX notification_address_day ON notification (address, created_at) WHERE channel = 'SMS';

-- notify: where the outbox stands in the case timeline (one row).
CREATE TABLE notify_feed_position (
    id       integer PRIMARY KEY CHECK (id = 1),
    tx       varchar(32) NOT NULL,
    event_id bigint NOT NULL
);
INSERT INTO notify_feed_position (id, tx, event_id) VALUES (1, '0', 0);

-- notify: how a staff member is reached besides the in-app bell.
CREATE TABLE staff_contact (
    staff_id bigint PRIMARY KEY,
    email    varchar(200),
    channels varchar(100) NOT NULL DEFAULT 'IN_APP,EMAIL'
);
