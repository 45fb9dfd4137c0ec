-- Course packs: a trainer's ordered selection of clauses, cases, headings and notes.
-- Portable SQL: the same script runs on SQLite and PostgreSQL.
CREATE TABLE pack (
    id          VARCHAR(32)  NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    audience    VARCHAR(20),
    description TEXT         NOT NULL,
    version     INTEGER      NOT NULL,
    token_hash  VARCHAR(64)  NOT NULL,
    created_at  VARCHAR(40)  NOT NULL,
    updated_at  VARCHAR(40)  NOT NULL
);

-- A clause or case item keeps its id, its citation and the text it had when added, so a pack reads the same
-- after its document is replaced or removed.
CREATE TABLE pack_item (
    pack_id   VARCHAR(32) NOT NULL REFERENCES pack (id) ON DELETE CASCADE,
    position  INTEGER     NOT NULL,
    type      VARCHAR(10) NOT NULL,
    ref_id    VARCHAR(200),
    title     TEXT,
    text      TEXT,
    citation  TEXT,
    PRIMARY KEY (pack_id, position)
);
