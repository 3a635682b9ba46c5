-- grid: the territory's levels as data. The four tiers that the rules address (district,
-- street/town, community/village, base grid) keep the national code layout (6, 9, 12, 14-16
-- digits); a deployment names them as its people do and may add grouping levels between them
-- (a town's 管区, a district's 片区) whose codes are the enclosing tier's code and two digits
-- (8 or 11 digits). A grouping node holds its children by parent_code; their codes keep the
-- national layout, so every rule that reads a code prefix still holds.
CREATE TABLE territory_level (
    key         varchar(32) PRIMARY KEY CHECK (key ~ '^[A-Z][A-Z0-9_]*$'),
    name_zh     varchar(40) NOT NULL,
    name_en     varchar(40) NOT NULL,
    tier        varchar(16) UNIQUE CHECK (tier IN ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID')),
    code_length integer NOT NULL CHECK (code_length IN (6, 8, 9, 11, 12, 14)),
    CHECK ((tier IS NULL) = (code_length IN (8, 11)))
);
INSERT INTO territory_level (key, name_zh, name_en, tier, code_length) VALUES
    ('DISTRICT', '区/县', 'District or county', 'DISTRICT', 6),
    ('STREET', '街道/乡镇', 'Street or town', 'STREET', 9),
    ('MANAGED_AREA', '管区', 'Managed area', NULL, 11),
    ('COMMUNITY', '社区/村', 'Community or village', 'COMMUNITY', 12),
    ('GRID', '基础网格', 'Base grid', 'GRID', 14);

ALTER TABLE grid_node DROP CONSTRAINT grid_node_level_check;
ALTER TABLE grid_node ALTER COLUMN level TYPE varchar(32);
ALTER TABLE grid_node ADD CONSTRAINT grid_node_level FOREIGN KEY (level) REFERENCES territory_level (key);
