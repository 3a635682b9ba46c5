-- Photos of a case: what the reporter saw, the handler's result, the grid worker's site check.
-- Kept in the database with the case, so that one backup holds both.
CREATE TABLE case_photo (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES cases (id),
    purpose      varchar(16) NOT NULL,
    content_type varchar(32) NOT NULL,
    size_bytes   integer NOT NULL,
    width        integer,
    height       integer,
    data         bytea NOT NULL,
    thumbnail    bytea,
    uploaded_by  varchar(64) NOT NULL,
    uploaded_at  timestamptz NOT NULL
);
CREATE INDEX case_photo_case ON case_photo (case_id, id);
