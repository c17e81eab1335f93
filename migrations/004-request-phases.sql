--liquibase formatted sql

--changeset sn1-gateway:004-request-phases
--comment: A mixture's synthesis is logged as a query of its own, linked to the gathering query whose id the client got.
-- Not a foreign key: the two phases are written independently and may arrive in either order.
ALTER TABLE chat_query ADD COLUMN part_of VARCHAR(36);
CREATE INDEX chat_query_part_of ON chat_query (part_of);
--rollback DROP INDEX chat_query_part_of;
--rollback ALTER TABLE chat_query DROP COLUMN part_of;
