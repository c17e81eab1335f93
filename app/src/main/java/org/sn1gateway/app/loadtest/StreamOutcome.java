package org.sn1gateway.app.loadtest;

/**
 * One streamed chat as the load generator saw it.
 *
 * @param timeToFirstChunkNanos from sending the request to the first chunk with text; -1 if none came
 * @param totalNanos            from sending the request to the end of the stream
 * @param error                 null on success, else its kind ({@code http_503}, {@code stream_error}, ...)
 * @param addedNanos            of {@code timeToFirstChunkNanos}, what the gateway added to its miner's own time
 *                              to first chunk (from a traced chat); -1 when not traced
 */
record StreamOutcome(long timeToFirstChunkNanos, long totalNanos, int chunks, String error, long addedNanos) {
    StreamOutcome(long timeToFirstChunkNanos, long totalNanos, int chunks, String error) {
        this(timeToFirstChunkNanos, totalNanos, chunks, error, -1);
    }

    boolean succeeded() {
        return error == null;
    }
}
