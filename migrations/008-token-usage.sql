--liquibase formatted sql

--changeset sn1-gateway:008-token-usage
--comment: The tokens each chat cost its client (estimated: the gateway counted some of them itself), and each key's chats and tokens per UTC day and per UTC month. Rows logged before have no counts (NULL). key_usage has no foreign key: the operator's configured key, which is not stored, adds up under the id 'operator'.
ALTER TABLE chat_query ADD COLUMN prompt_tokens BIGINT;
ALTER TABLE chat_query ADD COLUMN completion_tokens BIGINT;
ALTER TABLE chat_query ADD COLUMN estimated BOOLEAN;
CREATE TABLE key_usage (
    key_id            VARCHAR(32) NOT NULL,
    period            VARCHAR(8)  NOT NULL,
    period_start      DATE        NOT NULL,
    requests          BIGINT      NOT NULL,
    prompt_tokens     BIGINT      NOT NULL,
    completion_tokens BIGINT      NOT NULL,
    PRIMARY KEY (key_id, period, period_start)
);
CREATE INDEX key_usage_period_start ON key_usage (period, period_start);
--rollback DROP TABLE key_usage;
--rollback ALTER TABLE chat_query DROP COLUMN estimated;
--rollback ALTER TABLE chat_query DROP COLUMN completion_tokens;
--rollback ALTER TABLE chat_query DROP COLUMN prompt_tokens;
