--liquibase formatted sql

--changeset sn1-gateway:005-reason-detail
--comment: A miner's reason becomes a stable code to GROUP BY; what varies (an error text, a position, a limit) moves to detail.
ALTER TABLE miner_response ADD COLUMN detail VARCHAR(500);
-- Rows logged before: the free text is split by the sentences the gateway used to write.
UPDATE miner_response
SET detail = CASE
                   WHEN reason LIKE 'empty: %' THEN SUBSTRING(reason FROM 8)
                   WHEN reason LIKE 'no_word_characters: %' THEN SUBSTRING(reason FROM 21)
                   WHEN reason LIKE 'invalid_utf8: %' THEN SUBSTRING(reason FROM 15)
                   WHEN reason LIKE 'refusal: %' THEN SUBSTRING(reason FROM 10)
                   WHEN reason LIKE 'echo: %' THEN SUBSTRING(reason FROM 7)
                   WHEN reason LIKE 'repetition: %' THEN SUBSTRING(reason FROM 13)
                   WHEN reason LIKE 'HTTP ___ with %' THEN reason
                   WHEN reason LIKE 'HTTP ___: %' THEN SUBSTRING(reason FROM 11)
                   WHEN reason LIKE 'HTTP ___' THEN NULL
                   WHEN reason LIKE 'connect timed out' THEN NULL
                   WHEN reason LIKE 'no response headers in time' THEN NULL
                   WHEN reason LIKE 'connection failed: %' THEN SUBSTRING(reason FROM 20)
                   WHEN reason LIKE 'the response broke off: %' THEN SUBSTRING(reason FROM 25)
                   WHEN reason LIKE 'the call failed: %' THEN SUBSTRING(reason FROM 18)
                   WHEN reason LIKE 'the call could not start: %' THEN SUBSTRING(reason FROM 27)
                   WHEN reason LIKE 'the answer exceeded the limit of % bytes' THEN SUBSTRING(reason FROM 34)
                   WHEN reason LIKE 'the answer exceeded the limit of % chunks' THEN SUBSTRING(reason FROM 34)
                   WHEN reason LIKE 'no complete answer within the timeout of %' THEN SUBSTRING(reason FROM 42)
                   WHEN reason LIKE 'the client disconnected' THEN NULL
                   WHEN reason LIKE 'the answer''s axon signature is not from the miner''s hotkey %' THEN SUBSTRING(reason FROM 60)
                   WHEN reason LIKE 'axon not contacted: %' THEN SUBSTRING(reason FROM 21)
                   WHEN reason LIKE 'a stream line is longer than %' THEN SUBSTRING(reason FROM 30)
                   WHEN reason LIKE 'a stream event is not JSON: %' THEN SUBSTRING(reason FROM 29)
                   WHEN reason LIKE 'the miner reported an error: %' THEN SUBSTRING(reason FROM 30)
                   ELSE reason
             END,
    reason = CASE
                   WHEN reason LIKE 'empty: %' THEN 'empty'
                   WHEN reason LIKE 'no_word_characters: %' THEN 'no_word_characters'
                   WHEN reason LIKE 'invalid_utf8: %' THEN 'invalid_utf8'
                   WHEN reason LIKE 'refusal: %' THEN 'refusal'
                   WHEN reason LIKE 'echo: %' THEN 'echo'
                   WHEN reason LIKE 'repetition: %' THEN 'repetition'
                   WHEN reason LIKE 'HTTP ___ with %' THEN 'not_a_stream'
                   WHEN reason LIKE 'HTTP ___: %' THEN 'http_' || SUBSTRING(reason FROM 6 FOR 3)
                   WHEN reason LIKE 'HTTP ___' THEN 'http_' || SUBSTRING(reason FROM 6 FOR 3)
                   WHEN reason LIKE 'connect timed out' THEN 'connect_timeout'
                   WHEN reason LIKE 'no response headers in time' THEN 'headers_timeout'
                   WHEN reason LIKE 'connection failed: %' THEN 'connect_failed'
                   WHEN reason LIKE 'the response broke off: %' THEN 'broken_off'
                   WHEN reason LIKE 'the call failed: %' THEN 'call_failed'
                   WHEN reason LIKE 'the call could not start: %' THEN 'call_not_started'
                   WHEN reason LIKE 'the answer exceeded the limit of % bytes' THEN 'answer_too_large'
                   WHEN reason LIKE 'the answer exceeded the limit of % chunks' THEN 'too_many_chunks'
                   WHEN reason LIKE 'no complete answer within the timeout of %' THEN 'timeout'
                   WHEN reason LIKE 'the client disconnected' THEN 'client_disconnected'
                   WHEN reason LIKE 'the answer''s axon signature is not from the miner''s hotkey %' THEN 'forged_signature'
                   WHEN reason LIKE 'axon not contacted: %' THEN 'axon_refused'
                   WHEN reason LIKE 'a stream line is longer than %' THEN 'line_too_long'
                   WHEN reason LIKE 'a stream event is not JSON: %' THEN 'not_json'
                   WHEN reason LIKE 'the miner reported an error: %' THEN 'miner_error'
                   ELSE 'unclassified'
             END
WHERE reason IS NOT NULL;
--rollback UPDATE miner_response SET reason = CASE WHEN detail IS NULL THEN reason ELSE reason || ': ' || SUBSTRING(detail FROM 1 FOR 400) END;
--rollback ALTER TABLE miner_response DROP COLUMN detail;
