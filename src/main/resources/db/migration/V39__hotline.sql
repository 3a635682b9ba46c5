-- The 12345 hotline connector (市12345热线平台工单对接): orders taken from the city's platform as
-- cases, their category codes mapped to ours, and the updates sent back (sign-for, progress,
-- result, return, rating) in order, each once, retried through a queue of its own.
CREATE TABLE hotline_order (
    order_id     varchar(64) PRIMARY KEY,
    case_id      bigint NOT NULL UNIQUE,
    case_code    varchar(32) NOT NULL,
    their_category varchar(40),
    received_at  timestamptz NOT NULL,
    acked_at     timestamptz
);

-- Their category codes and ours; one not here is classified and dispatched here as any case.
CREATE TABLE hotline_category_map (
    their_code    varchar(40) PRIMARY KEY,
    category_code varchar(16) NOT NULL
);
INSERT INTO hotline_category_map VALUES ('CG-LJ', '0101'), ('CG-DL', '0102'), ('CG-WJ', '0103'), ('CG-XGG', '0104');

-- One update to send back: numbered per order (seq) so that the platform receives them in order;
-- the next of an order waits until the one before is accepted.
CREATE TABLE hotline_update (
    id              bigserial PRIMARY KEY,
    order_id        varchar(64) NOT NULL REFERENCES hotline_order (order_id),
    seq             integer NOT NULL,
    kind            varchar(12) NOT NULL CHECK (kind IN ('SIGNED', 'PROGRESS', 'RESULT', 'RETURNED', 'RATING')),
    body            text NOT NULL,
    event_id        bigint NOT NULL,
    state           varchar(8) NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENT')),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    last_error      varchar(1000),
    sent_at         timestamptz,
    UNIQUE (order_id, seq),
    UNIQUE (event_id)
);
CREATE INDEX hotline_update_pending ON hotline_update (next_attempt_at) WHERE state = 'PENDING';

CREATE TABLE hotline_feed_position (
    id       integer PRIMARY KEY CHECK (id = 1),
    tx       varchar(32) NOT NULL,
    event_id bigint NOT NULL
);
INSERT INTO hotline_feed_position VALUES (1, '0', 0);
