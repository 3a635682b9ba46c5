-- security: sign-in back-off per account, and API tokens (stored as SHA-256 of the secret).
ALTER TABLE staff ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until timestamptz;

CREATE TABLE api_token (
    id         bigserial PRIMARY KEY,
    staff_id   bigint NOT NULL REFERENCES staff (id),
    name       varchar(100) NOT NULL,
    token_hash char(64) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_token_staff ON api_token (staff_id);
