package org.sn1gateway.app.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The data of an {@code event: error}. */
public record StreamError(
        @JsonProperty("error") String error,
        @JsonProperty("timestamp") String timestamp,
        @JsonProperty("sequence_number") int sequenceNumber,
        @JsonProperty("finish_reason") String finishReason) {
    public static StreamError of(String message, String timestamp, int sequenceNumber) {
        return new StreamError(message, timestamp, sequenceNumber, "error");
    }
}
