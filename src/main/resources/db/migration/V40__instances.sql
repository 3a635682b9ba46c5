-- Several instances on one database: the scheduled jobs' locks (ShedLock), the versions of the
-- caches each instance keeps (grid, units, catalogue, calendar, classifier), and the per-address
-- counts behind the abuse limits.
CREATE TABLE shedlock (
    name       varchar(64) PRIMARY KEY,
    lock_until timestamptz NOT NULL,
    locked_at  timestamptz NOT NULL,
    locked_by  varchar(255) NOT NULL
);

CREATE TABLE cache_version (
    name    varchar(40) PRIMARY KEY,
    version bigint NOT NULL
);

CREATE UNLOGGED TABLE address_count (
    kind         varchar(16) NOT NULL,
    address      varchar(64) NOT NULL,
    window_start timestamptz NOT NULL,
    count        integer NOT NULL,
    PRIMARY KEY (kind, address, window_start)
);
