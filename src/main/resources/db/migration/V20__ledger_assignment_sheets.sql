-- ledger: assignment sheets (交办单) issued by supervision teams; each item tracked until crossed off (销号).
CREATE TABLE assignment_sheet (
    id              bigserial PRIMARY KEY,
    title           varchar(200) NOT NULL,
    programme       varchar(200),
    issued_by       varchar(64) NOT NULL,
    issued_at       timestamptz NOT NULL,
    idempotency_key varchar(200)
);
CREATE UNIQUE INDEX assignment_sheet_idempotency ON assignment_sheet (issued_by, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE TABLE assignment_item (
    sheet_id       bigint NOT NULL REFERENCES assignment_sheet (id),
    seq            integer NOT NULL,
    content        text NOT NULL,
    owner_unit_id  bigint NOT NULL,
    due_date       date NOT NULL,
    case_id        bigint,
    crossed_off_at timestamptz,
    crossed_off_by varchar(64),
    result         text,
    PRIMARY KEY (sheet_id, seq)
);
CREATE INDEX assignment_item_open ON assignment_item (owner_unit_id, due_date) WHERE crossed_off_at IS NULL;
