package org.sn1gateway.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sn1gateway.domain.model.MinerStats;
import org.sn1gateway.domain.model.QueryRecord;

class QueuedQueryLogTest {
    private static final QueuedQueryLog.Settings FAST_RETRY = new QueuedQueryLog.Settings(
            10, 4, Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofHours(1),
            Duration.ofHours(1));

    /** A store that fails while {@code down} is positive, and signals every batch it writes. */
    private static final class FlakyStore implements QueryLogStore {
        final AtomicInteger failuresLeft = new AtomicInteger();
        final List<QueryRecord> written = new CopyOnWriteArrayList<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public Map<Integer, MinerStats> minerStats(Instant since) {
            return Map.of(7, new MinerStats(7, 3, 1.0, Duration.ofMillis(90)));
        }

        @Override
        public Optional<Duration> firstChunkP90(Instant since) {
            return Optional.of(Duration.ofMillis(1700));
        }

        @Override
        public void write(List<QueryRecord> records) {
            threads.add(Thread.currentThread().getName());
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database is down");
            }
            batchSizes.add(records.size());
            written.addAll(records);
        }
    }

    private static List<QueryRecord> records(int n) {
        List<QueryRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(JdbiQueryLogContract.record(JdbiQueryLogContract.selected(i)));
        }
        return records;
    }

    @Test
    void writesInBatchesOnItsOwnThreadAndFlushesOnClose() throws Exception {
        FlakyStore store = new FlakyStore();
        store.gate = new CountDownLatch(1);
        QueuedQueryLog log = new QueuedQueryLog(store, FAST_RETRY).start();
        List<QueryRecord> records = records(9);

        records.forEach(log::record);
        assertThat(store.threads.poll(5, TimeUnit.SECONDS)).isEqualTo("query-log-writer");
        store.gate.countDown();
        log.close();

        assertThat(store.written).containsExactlyInAnyOrderElementsOf(records);
        assertThat(store.batchSizes).allMatch(size -> size <= 4);
        assertThat(log.status().written()).isEqualTo(9);
        assertThat(log.recentMinerStats()).containsOnlyKeys(7);
        assertThat(log.recentFirstChunkP90()).hasValue(Duration.ofMillis(1700));
        assertThat(log.status().healthy()).isTrue();
    }

    @Test
    void gathersTheRecordsOfItsBatchWindowIntoOneTransaction() throws Exception {
        FlakyStore store = new FlakyStore();
        QueuedQueryLog log = new QueuedQueryLog(store, withBatchWindow(Duration.ofMinutes(1))).start();
        List<QueryRecord> records = records(4);

        for (QueryRecord record : records) {
            assertThat(store.threads).as("nothing is written while the window is open and the batch not full").isEmpty();
            log.record(record);
        }
        assertThat(store.threads.poll(5, TimeUnit.SECONDS)).as("a full batch ends the window").isNotNull();
        log.close();

        assertThat(store.batchSizes).containsExactly(4);
        assertThat(store.written).containsExactlyElementsOf(records);
    }

    @Test
    void closingCutsTheBatchWindowShort() throws Exception {
        FlakyStore store = new FlakyStore();
        // The window outlasts the flush limit: waiting it out would abandon the record.
        QueuedQueryLog log = new QueuedQueryLog(store, withBatchWindow(Duration.ofMinutes(1))).start();
        QueryRecord record = records(1).getFirst();

        log.record(record);
        log.close();

        assertThat(store.written).containsExactly(record);
        assertThat(log.status().dropped()).isZero();
    }

    private static QueuedQueryLog.Settings withBatchWindow(Duration window) {
        return new QueuedQueryLog.Settings(FAST_RETRY.capacity(), FAST_RETRY.batchSize(), window,
                FAST_RETRY.firstRetry(), FAST_RETRY.maxRetry(), FAST_RETRY.flushLimit(), FAST_RETRY.statsWindow(),
                FAST_RETRY.statsRefresh());
    }

    @Test
    void retriesWhileTheStoreIsDownAndLosesNothing() throws Exception {
        FlakyStore store = new FlakyStore();
        store.failuresLeft.set(3);
        QueuedQueryLog log = new QueuedQueryLog(store, FAST_RETRY).start();
        List<QueryRecord> records = records(3);

        records.forEach(log::record);
        log.close();

        assertThat(store.written).containsExactlyInAnyOrderElementsOf(records);
        assertThat(log.status().dropped()).isZero();
        assertThat(log.status().lastError()).isNull();
    }

    @Test
    void aFullQueueDropsNewRecordsAndSaysSo() throws Exception {
        FlakyStore store = new FlakyStore();
        store.gate = new CountDownLatch(1);
        QueuedQueryLog log = new QueuedQueryLog(store, FAST_RETRY).start();
        log.record(records(1).getFirst());
        assertThat(store.threads.poll(5, TimeUnit.SECONDS)).as("the writer holds one batch").isNotNull();

        records(13).forEach(log::record);

        assertThat(log.status().dropped()).isEqualTo(3);
        assertThat(log.status().healthy()).isFalse();
        store.gate.countDown();
        log.close();
        assertThat(store.written).hasSize(11);
    }
}
