-- dispatch: routing rules saved from arbitration decisions (category in a territory -> unit).
CREATE TABLE routing_rule (
    category_code varchar(20) NOT NULL,
    region_code   varchar(16) NOT NULL,
    unit_id       bigint NOT NULL,
    created_by    varchar(64) NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (category_code, region_code)
);
