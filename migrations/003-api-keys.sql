--liquibase formatted sql

--changeset sn1-gateway:003-api-keys
--comment: Clients' API keys (only a hash of each secret) and the per-minute counters behind their rate limits.
CREATE TABLE api_key (
    id                  VARCHAR(32)              NOT NULL PRIMARY KEY,
    name                VARCHAR(100)             NOT NULL,
    secret_hash         VARCHAR(64)              NOT NULL UNIQUE,
    requests_per_minute INTEGER,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    requests            BIGINT                   NOT NULL DEFAULT 0,
    last_used_at        TIMESTAMP WITH TIME ZONE
);

-- One row per key and minute; rows older than two minutes are no longer read and are purged.
CREATE TABLE api_key_window (
    key_id       VARCHAR(32)              NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    requests     INTEGER                  NOT NULL,
    PRIMARY KEY (key_id, window_start)
);
CREATE INDEX api_key_window_start ON api_key_window (window_start);
