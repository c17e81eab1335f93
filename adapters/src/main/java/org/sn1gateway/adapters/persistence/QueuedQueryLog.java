package org.sn1gateway.adapters.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;
import org.sn1gateway.domain.port.QueryLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes finished queries without blocking and writes them in batches from one background thread. While
 * the store is down, records wait in a bounded queue and the batch is retried with backoff; a full queue
 * drops new records, and every drop is counted and reported, never silent.
 */
public final class QueuedQueryLog implements QueryLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedQueryLog.class);
    private static final long WINDOW_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * @param capacity   records that may wait for the store
     * @param batchSize  records written per transaction at most
     * @param batchWindow how long the writer gathers records after the first before writing them: one
     *                   transaction of hundreds of rows costs the database a fraction of hundreds of small ones
     * @param firstRetry delay before the first retry of a failed batch; doubles up to {@code maxRetry}
     * @param flushLimit how long {@link #close} may spend writing what is still queued
     * @param statsWindow how far back the per-miner statistics look
     * @param statsRefresh how often they are read again
     */
    public record Settings(int capacity, int batchSize, Duration batchWindow, Duration firstRetry, Duration maxRetry,
                           Duration flushLimit, Duration statsWindow, Duration statsRefresh) {
        public static Settings defaults() {
            return new Settings(100_000, 500, Duration.ofMillis(200), Duration.ofMillis(250), Duration.ofSeconds(30),
                    Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(30));
        }
    }

    /** What an operator needs to know about the log's health. */
    public record Status(int pending, long written, long dropped, String lastError) {
        public boolean healthy() {
            return dropped == 0 && lastError == null;
        }
    }

    private final QueryLogStore store;
    private final Settings settings;
    private final BlockingQueue<QueryRecord> queue;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile String lastError;
    private volatile boolean closing;
    private volatile int inFlight;
    private volatile Map<Integer, MinerStats> stats = Map.of();
    private volatile Optional<Duration> firstChunkP90 = Optional.empty();
    private long statsReadAt = Long.MIN_VALUE;

    public QueuedQueryLog(QueryLogStore store, Settings settings) {
        this.store = store;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.writer = Thread.ofVirtual().name("query-log-writer").unstarted(this::writeUntilClosed);
    }

    public QueuedQueryLog start() {
        writer.start();
        return this;
    }

    @Override
    public void record(QueryRecord query) {
        if (closing || !queue.offer(query)) {
            long lost = dropped.incrementAndGet();
            if (Long.bitCount(lost) == 1) { // 1, 2, 4, 8, ...: loud at first, then not flooding the log
                LOG.error("query log queue is full or closed: {} record(s) dropped so far (last error: {})",
                        lost, lastError);
            }
        }
    }

    @Override
    public Map<Integer, MinerStats> recentMinerStats() {
        return stats;
    }

    @Override
    public Optional<Duration> recentFirstChunkP90() {
        return firstChunkP90;
    }

    public Status status() {
        return new Status(queue.size() + inFlight, written.get(), dropped.get(), lastError);
    }

    private void writeUntilClosed() {
        List<QueryRecord> batch = new ArrayList<>(settings.batchSize());
        Duration backoff = settings.firstRetry();
        while (!(closing && queue.isEmpty() && batch.isEmpty())) {
            try {
                refreshStatsWhenDue();
                if (batch.isEmpty() && !fill(batch)) {
                    continue;
                }
                store.write(batch);
                written.addAndGet(batch.size());
                batch.clear();
                inFlight = 0;
                lastError = null;
                backoff = settings.firstRetry();
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("could not write {} query log record(s), retrying in {} ms: {}", batch.size(),
                        backoff.toMillis(), lastError);
                if (!pause(backoff)) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(settings.maxRetry()) > 0
                        ? settings.maxRetry() : backoff.multipliedBy(2);
            }
        }
        abandon(batch);
    }

    /** Reads the statistics on this thread, so that no request ever waits for them. */
    private void refreshStatsWhenDue() {
        long now = System.nanoTime();
        if (statsReadAt != Long.MIN_VALUE && now - statsReadAt < settings.statsRefresh().toNanos()) {
            return;
        }
        statsReadAt = now;
        try {
            Instant since = Instant.now().minus(settings.statsWindow());
            stats = store.minerStats(since);
            firstChunkP90 = store.firstChunkP90(since);
        } catch (RuntimeException e) {
            LOG.warn("could not read miner statistics, keeping the last ones: {}", e.getMessage());
        }
    }

    private boolean fill(List<QueryRecord> batch) throws InterruptedException {
        QueryRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        batch.add(first);
        long deadline = System.nanoTime() + settings.batchWindow().toNanos();
        queue.drainTo(batch, settings.batchSize() - batch.size());
        long left;
        while (batch.size() < settings.batchSize() && !closing && (left = deadline - System.nanoTime()) > 0) {
            // Short waits, so that close() is not kept waiting for the rest of the window.
            QueryRecord next = queue.poll(Math.min(left, WINDOW_SLICE_NANOS), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
                queue.drainTo(batch, settings.batchSize() - batch.size());
            }
        }
        inFlight = batch.size();
        return true;
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void abandon(List<QueryRecord> batch) {
        int lost = batch.size() + queue.size();
        if (lost > 0) {
            dropped.addAndGet(lost);
            LOG.error("query log closed with {} record(s) unwritten (last error: {})", lost, lastError);
        }
    }

    /** Stops taking records and writes what is queued, for at most the flush limit. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!writer.join(settings.flushLimit())) {
            writer.interrupt();
            writer.join();
        }
    }
}
