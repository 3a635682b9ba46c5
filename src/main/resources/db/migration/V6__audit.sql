-- audit: administrative changes and views of unmasked personal data; append-only.
CREATE TABLE audit_log (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    actor  varchar(64) NOT NULL,
    action varchar(64) NOT NULL,
    target varchar(200) NOT NULL,
    detail text
);

CREATE TABLE personal_data_access (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    actor      varchar(64) NOT NULL,
    actor_role varchar(32) NOT NULL,
    case_id    bigint NOT NULL,
    purpose    varchar(500) NOT NULL
);
CREATE INDEX personal_data_access_case ON personal_data_access (case_id);

-- History is written once: the database refuses to change or remove it, whoever asks.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON personal_data_access
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER case_event_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change();
