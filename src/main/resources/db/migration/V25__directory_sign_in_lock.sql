-- Sign-in back-off per account and source address (issue 16): wrong passwords from one address
-- lock that address out of the account, not the account's owner signing in from elsewhere.
CREATE TABLE sign_in_lock (
    username        text        NOT NULL,
    source          text        NOT NULL,
    failures        integer     NOT NULL,
    locked_until    timestamptz,
    last_failure_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, source)
);

ALTER TABLE staff DROP COLUMN failed_sign_ins;
ALTER TABLE staff DROP COLUMN locked_until;
