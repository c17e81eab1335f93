--liquibase formatted sql

--changeset sn1-gateway:006-waves
--comment: A chat may ask miners in waves (failover, hedging); each response records which wave asked it. Rows logged before were all of the first wave.
ALTER TABLE miner_response ADD COLUMN wave INTEGER DEFAULT 1 NOT NULL;
--rollback ALTER TABLE miner_response DROP COLUMN wave;
