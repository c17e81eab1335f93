--liquibase formatted sql

--changeset sn1-gateway:005-reason-detail
--comment: A miner's reason becomes a stable code to GROUP BY; what varies (an error text, a position, a limit) moves to detail.
ALTER TABLE miner_response ADD COLUMN detail VARCHAR(500);
-- Rows logged before: each holds its old text in detail until one of the sentences the gateway used to write
-- claims it (reason = detail marks the rows not yet claimed); what none claims keeps its text as detail.
UPDATE miner_response SET detail = reason WHERE reason IS NOT NULL;
UPDATE miner_response SET reason = 'empty', detail = SUBSTRING(reason FROM 8)
WHERE reason = detail AND reason LIKE 'empty: %';
UPDATE miner_response SET reason = 'no_word_characters', detail = SUBSTRING(reason FROM 21)
WHERE reason = detail AND reason LIKE 'no_word_characters: %';
UPDATE miner_response SET reason = 'invalid_utf8', detail = SUBSTRING(reason FROM 15)
WHERE reason = detail AND reason LIKE 'invalid_utf8: %';
UPDATE miner_response SET reason = 'refusal', detail = SUBSTRING(reason FROM 10)
WHERE reason = detail AND reason LIKE 'refusal: %';
UPDATE miner_response SET reason = 'echo', detail = SUBSTRING(reason FROM 7)
WHERE reason = detail AND reason LIKE 'echo: %';
UPDATE miner_response SET reason = 'repetition', detail = SUBSTRING(reason FROM 13)
WHERE reason = detail AND reason LIKE 'repetition: %';
UPDATE miner_response SET reason = 'not_a_stream', detail = reason
WHERE reason = detail AND reason LIKE 'HTTP ___ with %';
UPDATE miner_response SET reason = 'http_' || SUBSTRING(reason FROM 6 FOR 3), detail = SUBSTRING(reason FROM 11)
WHERE reason = detail AND reason LIKE 'HTTP ___: %';
UPDATE miner_response SET reason = 'http_' || SUBSTRING(reason FROM 6 FOR 3), detail = NULL
WHERE reason = detail AND reason LIKE 'HTTP ___';
UPDATE miner_response SET reason = 'connect_timeout', detail = NULL
WHERE reason = detail AND reason LIKE 'connect timed out';
UPDATE miner_response SET reason = 'headers_timeout', detail = NULL
WHERE reason = detail AND reason LIKE 'no response headers in time';
UPDATE miner_response SET reason = 'client_disconnected', detail = NULL
WHERE reason = detail AND reason LIKE 'the client disconnected';
UPDATE miner_response SET reason = 'connect_failed', detail = SUBSTRING(reason FROM 20)
WHERE reason = detail AND reason LIKE 'connection failed: %';
UPDATE miner_response SET reason = 'broken_off', detail = SUBSTRING(reason FROM 25)
WHERE reason = detail AND reason LIKE 'the response broke off: %';
UPDATE miner_response SET reason = 'call_failed', detail = SUBSTRING(reason FROM 18)
WHERE reason = detail AND reason LIKE 'the call failed: %';
UPDATE miner_response SET reason = 'call_not_started', detail = SUBSTRING(reason FROM 27)
WHERE reason = detail AND reason LIKE 'the call could not start: %';
UPDATE miner_response SET reason = 'line_too_long', detail = SUBSTRING(reason FROM 30)
WHERE reason = detail AND reason LIKE 'a stream line is longer than %';
UPDATE miner_response SET reason = 'not_json', detail = SUBSTRING(reason FROM 29)
WHERE reason = detail AND reason LIKE 'a stream event is not JSON: %';
UPDATE miner_response SET reason = 'miner_error', detail = SUBSTRING(reason FROM 30)
WHERE reason = detail AND reason LIKE 'the miner reported an error: %';
UPDATE miner_response SET reason = 'axon_refused', detail = SUBSTRING(reason FROM 21)
WHERE reason = detail AND reason LIKE 'axon not contacted: %';
UPDATE miner_response SET reason = 'timeout', detail = SUBSTRING(reason FROM 42)
WHERE reason = detail AND reason LIKE 'no complete answer within the timeout of %';
UPDATE miner_response SET reason = 'forged_signature', detail = SUBSTRING(reason FROM 60)
WHERE reason = detail AND reason LIKE 'the answer''s axon signature is not from the miner''s hotkey %';
UPDATE miner_response SET reason = 'answer_too_large', detail = SUBSTRING(reason FROM 34)
WHERE reason = detail AND reason LIKE 'the answer exceeded the limit of % bytes';
UPDATE miner_response SET reason = 'too_many_chunks', detail = SUBSTRING(reason FROM 34)
WHERE reason = detail AND reason LIKE 'the answer exceeded the limit of % chunks';
UPDATE miner_response SET reason = 'unclassified' WHERE reason = detail;
--rollback UPDATE miner_response SET reason = CASE WHEN detail IS NULL THEN reason ELSE reason || ': ' || SUBSTRING(detail FROM 1 FOR 400) END;
--rollback ALTER TABLE miner_response DROP COLUMN detail;
