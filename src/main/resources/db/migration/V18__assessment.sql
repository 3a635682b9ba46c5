-- assessment: daily figures per unit, base grid, category and district, folded from the
-- cases' transition feed; the weights of the composite score; how far the feed was read.
CREATE TABLE figure_day (
    dimension          char(1) NOT NULL,   -- U unit, G base grid, C category, T the whole district
    key                varchar(20) NOT NULL, -- unit id, grid code, category code ('' for none), '' for T
    day                date NOT NULL,
    received           bigint NOT NULL DEFAULT 0,
    dispatched         bigint NOT NULL DEFAULT 0,
    signed_for         bigint NOT NULL DEFAULT 0,
    sign_due           bigint NOT NULL DEFAULT 0,
    sign_on_time       bigint NOT NULL DEFAULT 0,
    handling_due       bigint NOT NULL DEFAULT 0,
    handling_on_time   bigint NOT NULL DEFAULT 0,
    resolved           bigint NOT NULL DEFAULT 0,
    started            bigint NOT NULL DEFAULT 0,
    started_resolved   bigint NOT NULL DEFAULT 0,
    returned           bigint NOT NULL DEFAULT 0,
    reworked           bigint NOT NULL DEFAULT 0,
    extended           bigint NOT NULL DEFAULT 0,
    ratings            bigint NOT NULL DEFAULT 0,
    satisfied          bigint NOT NULL DEFAULT 0,
    basically_satisfied bigint NOT NULL DEFAULT 0,
    handling_seconds   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (dimension, day, key)
);

CREATE TABLE figure_feed_position (
    id      smallint PRIMARY KEY CHECK (id = 1),
    tx      xid8 NOT NULL,
    event_id bigint NOT NULL
);
INSERT INTO figure_feed_position VALUES (1, '0', 0);

CREATE TABLE assessment_weight (
    indicator varchar(40) PRIMARY KEY,
    weight    numeric(6, 2) NOT NULL CHECK (weight >= 0 AND weight <= 1000)
);
INSERT INTO assessment_weight VALUES
    ('signForOnTimeRate', 10), ('onTimeResolutionRate', 30), ('resolutionRate', 20),
    ('satisfactionRate', 30), ('returnRate', 5), ('reworkRate', 5);
