--liquibase formatted sql

--changeset sn1-gateway:007-selected-by
--comment: Which rule chose a query's delivered answer (first, longest, shortest, consensus), or fallback when the configured fallback upstreams gave it. Null for rows logged before and for queries without an answer.
ALTER TABLE chat_query ADD COLUMN selected_by VARCHAR(32);
--rollback ALTER TABLE chat_query DROP COLUMN selected_by;
