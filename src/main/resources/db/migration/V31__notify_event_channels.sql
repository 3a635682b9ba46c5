-- notify: a staff member's channels per event ("NEW_CASE=IN_APP,EMAIL;URGED=IN_APP"), over their default set.
ALTER TABLE staff_contact ADD COLUMN event_channels varchar(1000) NOT NULL DEFAULT '';
