-- cases: the dashboard's automatic dispatch share reads only classifier-categorised cases of a period.
CREATE INDEX cases_auto_dispatched ON cases (received_at) INCLUDE (return_count) WHERE classifier_version IS NOT NULL;
