-- grid: the territory tree. Codes in the national layout; the level follows from the length.
CREATE TABLE grid_node (
    code        varchar(16) PRIMARY KEY,
    parent_code varchar(16) REFERENCES grid_node (code),
    level       varchar(16) NOT NULL CHECK (level IN ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    name        varchar(200) NOT NULL,
    boundary    jsonb
);
CREATE INDEX grid_node_parent ON grid_node (parent_code);
