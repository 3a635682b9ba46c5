-- catalog: matter categories with owners per level, time limits, urgency, site verification.
CREATE TABLE category (
    code                  varchar(20) PRIMARY KEY,
    parent_code           varchar(20) REFERENCES category (code),
    name                  varchar(200) NOT NULL,
    name_en               varchar(200),
    line                  varchar(40),
    owner_community       varchar(80),
    owner_street          varchar(80),
    owner_district        varchar(80),
    limit_amount          integer CHECK (limit_amount > 0),
    limit_unit            varchar(16) CHECK (limit_unit IN ('WORKING_DAYS', 'WORKING_HOURS')),
    urgency               varchar(16),
    verification_required boolean NOT NULL DEFAULT true
);
