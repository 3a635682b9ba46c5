-- dispatch: trained category classifiers, each version with its training set size and scores.
CREATE TABLE classifier_model (
    version       integer PRIMARY KEY,
    trained_at    timestamptz NOT NULL DEFAULT now(),
    trained_by    varchar(64) NOT NULL,
    source        varchar(200) NOT NULL,
    training_size integer NOT NULL,
    holdout_size  integer NOT NULL,
    accuracy      double precision,
    macro_f1      double precision,
    model         bytea NOT NULL
);
-- cases: which model version suggested the category at intake, and how sure it was.
ALTER TABLE cases ADD COLUMN classifier_version integer;
ALTER TABLE cases ADD COLUMN classifier_confidence double precision;
