--liquibase formatted sql

--changeset sn1-gateway:001-query-log
--comment: One row per chat query and one per miner asked, with the timings operators analyse.
CREATE TABLE chat_query (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    k               INTEGER                  NOT NULL,
    prefer          VARCHAR(16)              NOT NULL,
    sampling_mode   VARCHAR(16)              NOT NULL,
    timeout_seconds DOUBLE PRECISION         NOT NULL,
    outcome         VARCHAR(32)              NOT NULL,
    selected_uid    INTEGER,
    total_seconds   DOUBLE PRECISION         NOT NULL,
    miners_asked    INTEGER                  NOT NULL,
    prompt          TEXT
);
CREATE INDEX chat_query_started_at ON chat_query (started_at);

CREATE TABLE miner_response (
    query_id        VARCHAR(36)              NOT NULL REFERENCES chat_query (id) ON DELETE CASCADE,
    uid             INTEGER                  NOT NULL,
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    hotkey          VARCHAR(64)              NOT NULL,
    protocol        VARCHAR(16)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    reason          VARCHAR(500),
    ttfc_seconds    DOUBLE PRECISION,
    total_seconds   DOUBLE PRECISION,
    chunks          INTEGER                  NOT NULL,
    characters      INTEGER                  NOT NULL,
    chunk_timings   TEXT                     NOT NULL,
    selected        BOOLEAN                  NOT NULL,
    answer          TEXT,
    PRIMARY KEY (query_id, uid)
);
CREATE INDEX miner_response_uid_started_at ON miner_response (uid, started_at);
