package org.sn1gateway.adapters.persistence;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.MinerResponse;
import org.sn1gateway.domain.model.QueryRecord;

/** Turns domain records into rows; prompt and answer text only when the operator asked to keep it. */
final class QueryRows {
    private static final int MAX_REASON = 500;
    private static final int MAX_HOTKEY = 64;

    private final IntFunction<String> protocols;
    private final boolean storeText;

    QueryRows(IntFunction<String> protocols, boolean storeText) {
        this.protocols = protocols;
        this.storeText = storeText;
    }

    QueryRow query(QueryRecord record) {
        ChatUsage usage = record.usage();
        return new QueryRow(record.id().toString(), utc(record), record.query().miners().k(),
                record.query().prefer().wireName(), record.query().miners().mode().wireName(),
                seconds(record.query().timeout()), record.outcome().wireName(), record.selectedUid(),
                seconds(record.totalTime()), record.responses().size(), storeText ? prompt(record) : null,
                record.partOf() == null ? null : record.partOf().toString(), record.selectedBy(),
                usage == null ? null : usage.promptTokens(), usage == null ? null : usage.completionTokens(),
                usage == null ? null : usage.estimated());
    }

    List<ResponseRow> responses(QueryRecord record) {
        return record.responses().stream().map(response -> response(record, response)).toList();
    }

    private ResponseRow response(QueryRecord record, MinerResponse response) {
        return new ResponseRow(record.id().toString(), response.uid(), utc(record),
                truncate(response.hotkey(), MAX_HOTKEY), protocols.apply(response.uid()), response.status().wireName(),
                response.reason() == null ? null : truncate(response.reason().code(), MAX_REASON),
                response.reason() == null ? null : truncateOrNull(response.reason().detail(), MAX_REASON),
                secondsOrNull(response.timeToFirstChunk()), secondsOrNull(response.totalTime()), response.chunks(),
                response.characters(), timings(response.chunkTimings()), response.selected(),
                storeText ? response.text() : null, response.wave());
    }

    private static String prompt(QueryRecord record) {
        return record.query().messages().stream()
                .map(message -> message.role().wireName() + ": " + message.content())
                .collect(Collectors.joining("\n"));
    }

    private static String timings(List<Duration> timings) {
        return timings.stream().map(timing -> Double.toString(seconds(timing))).collect(Collectors.joining(",", "[", "]"));
    }

    private static OffsetDateTime utc(QueryRecord record) {
        return record.startedAt().atOffset(ZoneOffset.UTC);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Double secondsOrNull(Duration duration) {
        return duration == null ? null : seconds(duration);
    }

    private static String truncateOrNull(String text, int length) {
        return text == null ? null : truncate(text, length);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

}
