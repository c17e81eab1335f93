package org.sn1gateway.app.sse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sn1gateway.domain.service.ChatError;
import org.sn1gateway.domain.service.ChatHandle;
import org.sn1gateway.domain.service.ChatListener;
import org.sn1gateway.domain.service.ChatSummary;
import org.sn1gateway.domain.service.DeliveredChunk;
import org.sn1gateway.domain.service.MinerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Carries a query's events to a streaming client. The domain's callbacks only enqueue; a virtual thread
 * of this stream writes, so a slow client never holds up miner reads and no Jetty request thread waits
 * for the stream. A quiet stream gets a heartbeat every interval; a failed write means the client left,
 * and the query is told.
 */
public abstract class EventPump implements ChatListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventPump.class);

    private final BlockingQueue<Object> pending = new LinkedBlockingQueue<>();
    private final Duration heartbeat;
    private final StreamCounters counters;
    private final boolean trace;

    /** @param trace whether the client asked for {@code event: miner} (api.md "Tracing") */
    protected EventPump(Duration heartbeat, StreamCounters counters, boolean trace) {
        this.heartbeat = heartbeat;
        this.counters = counters;
        this.trace = trace;
    }

    /** Starts writing what the query delivers; returns at once. */
    public final void writeFor(ChatHandle query) {
        writeFor(query, () -> { });
    }

    /** Starts writing what the query delivers, and runs {@code ended} once the stream is closed; returns at once. */
    public final void writeFor(ChatHandle query, Runnable ended) {
        // The stream's log lines carry the request's id, like those of the request thread.
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        Thread.ofVirtual().name("stream-" + query.queryId()).start(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                pump(query);
            } finally {
                ended.run();
            }
        });
    }

    @Override
    public final void onChunk(DeliveredChunk chunk) {
        pending.add(chunk);
    }

    @Override
    public final void onError(ChatError error) {
        pending.add(error);
    }

    @Override
    public final void onDone(ChatSummary summary) {
        pending.add(summary);
    }

    @Override
    public final boolean traces() {
        return trace;
    }

    @Override
    public final void onMiner(MinerEvent event) {
        pending.add(event);
    }

    private void pump(ChatHandle query) {
        counters.opened();
        try {
            begin(query);
            Object next;
            do {
                next = pending.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
                handle(next);
                // Whatever queued meanwhile goes out with it, in one write.
                Object more;
                while (!(next instanceof ChatSummary) && !batchFull() && (more = pending.poll()) != null) {
                    handle(more);
                    next = more;
                }
                flush();
            } while (!(next instanceof ChatSummary));
        } catch (ClientGoneException | InterruptedException e) {
            // Also a client that stopped reading: a write blocked for the connector's idle timeout fails.
            counters.clientGone();
            query.clientGone();
        } catch (RuntimeException e) {
            LOG.error("stream of query {} failed", query.queryId(), e);
            query.clientGone();
        } finally {
            counters.closed();
            closeQuietly();
        }
    }

    private void handle(Object next) throws ClientGoneException {
        switch (next) {
            case null -> heartbeat();
            case DeliveredChunk chunk -> chunk(chunk);
            case ChatError error -> error(error);
            case ChatSummary summary -> done(summary);
            case MinerEvent event -> miner(event);
            default -> throw new IllegalStateException("not a chat event: " + next);
        }
    }

    /** A stream the client reset is gone already, and closing it can only fail; that ends nothing else. */
    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.debug("stream close failed, the client having gone: {}", e.toString());
        }
    }

    /** Called on the stream's thread before its first event. */
    protected void begin(ChatHandle query) {
    }

    protected abstract void chunk(DeliveredChunk chunk) throws ClientGoneException;

    protected abstract void error(ChatError error) throws ClientGoneException;

    protected abstract void done(ChatSummary summary) throws ClientGoneException;

    /** One step of a miner's part, for a client that traces; only sent when it asked. */
    protected abstract void miner(MinerEvent event) throws ClientGoneException;

    /** Keeps a quiet stream open through proxies (an SSE comment line). */
    protected abstract void heartbeat() throws ClientGoneException;

    /**
     * Sends what the event methods above wrote since the last call; called whenever no more events are
     * waiting. A stream whose event methods write at once has nothing to do here.
     */
    protected void flush() throws ClientGoneException {
    }

    /**
     * Whether what waits to be flushed is enough for one write. Without a bound, a client that stops reading
     * would have every event queued meanwhile rendered into one batch.
     */
    protected boolean batchFull() {
        return false;
    }

    /** Ends the response; called once, whatever happened; what it throws is ignored. */
    protected abstract void close();

    /** The client closed its connection. */
    public static final class ClientGoneException extends Exception {
        public ClientGoneException() {
            super(null, null, false, false);
        }
    }
}
