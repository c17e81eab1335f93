package org.sn1gateway.domain.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.model.QueryOutcome;

/**
 * What a query's client has been sent: the numbered chunks, their text, and how its stream ended. Once
 * ended, nothing more is sent. Not thread-safe: the query's lock guards it.
 */
final class ClientStream {
    private final ChatListener client;
    private final List<DeliveredChunk> delivered = new ArrayList<>();
    private final StringBuilder completion = new StringBuilder();
    private QueryOutcome outcome;

    ClientStream(ChatListener client) {
        this.client = client;
    }

    boolean isOpen() {
        return outcome == null;
    }

    /** How the stream ended, or null while it is open. */
    QueryOutcome outcome() {
        return outcome;
    }

    List<DeliveredChunk> delivered() {
        return delivered;
    }

    String completion() {
        return completion.toString();
    }

    void send(int uid, String text, Duration receivedAt) {
        if (isOpen()) {
            DeliveredChunk chunk = new DeliveredChunk(delivered.size() + 1, text, receivedAt, uid, false);
            delivered.add(chunk);
            completion.append(text);
            client.onChunk(chunk);
        }
    }

    /**
     * Takes back the chunks sent so far, for a client that has not seen them ({@link
     * ChatListener#waitsForTheWholeAnswer}), so that another miner's answer can replace them; false for a
     * client that may have.
     */
    boolean retract() {
        if (!isOpen() || !client.waitsForTheWholeAnswer()) {
            return false;
        }
        delivered.clear();
        completion.setLength(0);
        return true;
    }

    /** Builds the event only for a client that traces: the hot path of every other query stays as it was. */
    void miner(Supplier<MinerEvent> event) {
        if (isOpen() && client.traces()) {
            client.onMiner(event.get());
        }
    }

    /** Ends the stream with the final (empty) chunk and the summary. */
    void complete(int uid, Duration at, Supplier<ChatSummary> summary) {
        if (isOpen()) {
            outcome = QueryOutcome.DELIVERED;
            client.onChunk(new DeliveredChunk(delivered.size() + 1, "", at, uid, true));
            end(summary.get());
        }
    }

    /** Ends the stream with an error and the summary. */
    void fail(QueryOutcome failure, String message, Supplier<ChatSummary> summary) {
        if (isOpen()) {
            outcome = failure;
            client.onError(new ChatError(failure, message));
            end(summary.get());
        }
    }

    private void end(ChatSummary summary) {
        client.onUsage(summary.usage());
        client.onDone(summary);
    }

    /** The client went away: nothing more can reach it but the bill for what it was sent. */
    void abandon(Supplier<ChatUsage> usage) {
        if (isOpen()) {
            outcome = QueryOutcome.CLIENT_DISCONNECTED;
            client.onUsage(usage.get());
        }
    }
}
