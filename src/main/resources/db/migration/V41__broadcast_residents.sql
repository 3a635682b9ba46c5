-- Announcements may also go by SMS to the residents the register holds in the region: how many phones.
ALTER TABLE broadcast ADD COLUMN residents integer NOT NULL DEFAULT 0;
