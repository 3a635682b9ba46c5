-- notify: announcements to everyone serving a grid, community or street (an author and a reason, logged).
CREATE TABLE broadcast (
    id          bigserial PRIMARY KEY,
    region_code varchar(16) NOT NULL,
    title       varchar(200) NOT NULL,
    body        varchar(4000) NOT NULL,
    reason      varchar(400) NOT NULL,
    author      varchar(64) NOT NULL,
    at          timestamptz NOT NULL,
    recipients  integer NOT NULL
);
CREATE INDEX broadcast_at ON broadcast (at DESC);
