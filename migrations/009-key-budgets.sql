--liquibase formatted sql

--changeset sn1-gateway:009-key-budgets
--comment: A key may have a token budget per UTC day or month (NULL: none) and an expiry (NULL: never). Keys stored before have neither.
ALTER TABLE api_key ADD COLUMN token_budget BIGINT;
ALTER TABLE api_key ADD COLUMN budget_period VARCHAR(8);
ALTER TABLE api_key ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
--rollback ALTER TABLE api_key DROP COLUMN expires_at;
--rollback ALTER TABLE api_key DROP COLUMN budget_period;
--rollback ALTER TABLE api_key DROP COLUMN token_budget;
