-- notify: residents who asked for no more SMS, by a SHA-256 of the phone's digits (no second copy of the number).
CREATE TABLE sms_opt_out (
    phone_hash varchar(64) PRIMARY KEY,
    at         timestamptz NOT NULL
);
