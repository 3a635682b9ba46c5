-- Open311 GeoReport v2: the client applications an administrator issued a key to, the requests
-- they made (each an ordinary case), and the questions a service asks (its definition's attributes).
CREATE TABLE open311_client (
    id          bigserial PRIMARY KEY,
    name        varchar(100) NOT NULL UNIQUE,
    key_hash    bytea NOT NULL UNIQUE,
    created_by  varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

CREATE TABLE open311_request (
    case_id     bigint PRIMARY KEY,
    case_code   varchar(32) NOT NULL UNIQUE,
    client_id   bigint NOT NULL REFERENCES open311_client (id),
    token       varchar(40) NOT NULL UNIQUE,
    media_url   varchar(2000),
    device_id   varchar(200),
    account_id  varchar(200),
    created_at  timestamptz NOT NULL
);

-- A service's questions (GET services/{code}): asked of every request of the category.
CREATE TABLE service_question (
    category_code varchar(16) NOT NULL,
    code          varchar(40) NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    position      integer NOT NULL,
    datatype      varchar(16) NOT NULL CHECK (datatype IN ('string', 'number', 'datetime', 'text', 'singlevaluelist',
                                                            'multivaluelist')),
    required      boolean NOT NULL,
    description   varchar(400) NOT NULL,
    value_keys    text[] NOT NULL DEFAULT '{}',
    value_names   text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (category_code, code),
    CHECK (cardinality(value_keys) = cardinality(value_names))
);
INSERT INTO service_question VALUES
    ('0101', 'VOLUME', 1, 'singlevaluelist', true, '垃圾有多少？How much rubbish?', '{BAG,CART,TRUCK}',
     '{一袋以内 a bag or less,一车以内 a cartload,更多 more than a cartload}'),
    ('0101', 'SMELL', 2, 'singlevaluelist', false, '有无异味？Does it smell?', '{YES,NO}', '{有 yes,无 no}'),
    ('0103', 'UNDER_WAY', 1, 'singlevaluelist', true, '是否正在施工？Is building under way now?', '{YES,NO}', '{是 yes,否 no}'),
    ('0103', 'FLOORS', 2, 'number', false, '几层？How many floors?', '{}', '{}');
