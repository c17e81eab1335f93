package org.sn1gateway.app.usage;

import io.dropwizard.lifecycle.Managed;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sn1gateway.app.auth.ApiClient;
import org.sn1gateway.domain.access.BudgetPeriod;
import org.sn1gateway.domain.access.KeyDay;
import org.sn1gateway.domain.access.UsageLedger;
import org.sn1gateway.domain.access.UsageTotals;
import org.sn1gateway.domain.model.ChatUsage;
import org.sn1gateway.domain.service.ChatListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds up each key's chats and tokens per UTC day in memory, as each chat's cost is known, and adds them to the
 * shared ledger every few seconds in one batch: a write per chat would make accounting the database's heaviest
 * load. A key's totals are the ledger's plus what this instance counted and has not stored yet, so one instance
 * sees its own chats at once; other instances' within their flush interval.
 */
public final class UsageMeter implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(UsageMeter.class);

    private final UsageLedger ledger;
    private final ScheduledExecutorService timer;
    private final long flushSeconds;
    private final InstantSource clock;
    /** Counted and not yet handed to the ledger; guarded by itself. */
    private final Map<KeyDay, UsageTotals> pending = new HashMap<>();
    /** Being written, guarded by {@link #pending}: still counted until the write is committed. */
    private Map<KeyDay, UsageTotals> writing = Map.of();
    /**
     * A flush holds it for writing while it commits a batch and forgets it; reading totals holds it for reading,
     * so that no batch is ever counted twice (committed and still in {@link #writing}) or not at all.
     */
    private final ReadWriteLock committing = new ReentrantReadWriteLock();

    public UsageMeter(UsageLedger ledger, ScheduledExecutorService timer, long flushSeconds, InstantSource clock) {
        this.ledger = ledger;
        this.timer = timer;
        this.flushSeconds = flushSeconds;
        this.clock = clock;
    }

    /** The listener that bills a chat's cost to the client's key, however the chat ends. */
    public ChatListener meter(ApiClient client, ChatListener listener) {
        return new MeteredListener(listener, usage -> add(client.usageId(), usage));
    }

    /** Counts one chat of a key: one request and its tokens, on the day it ended. */
    public void add(String keyId, ChatUsage usage) {
        KeyDay day = new KeyDay(keyId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        UsageTotals chat = new UsageTotals(1, usage.promptTokens(), usage.completionTokens());
        synchronized (pending) {
            pending.merge(day, chat, UsageTotals::plus);
        }
    }

    /** A key's totals over the period that holds {@code now}, from the ledger and this instance; blocks on I/O. */
    public UsageTotals totals(String keyId, BudgetPeriod period, Instant now) {
        LocalDate start = period.startOf(now);
        committing.readLock().lock();
        try {
            return ledger.totals(keyId, period, start).plus(unstored(keyId, period, start));
        } finally {
            committing.readLock().unlock();
        }
    }

    private UsageTotals unstored(String keyId, BudgetPeriod period, LocalDate start) {
        UsageTotals sum = UsageTotals.ZERO;
        synchronized (pending) {
            for (Map<KeyDay, UsageTotals> counted : java.util.List.of(pending, writing)) {
                for (Map.Entry<KeyDay, UsageTotals> entry : counted.entrySet()) {
                    if (entry.getKey().keyId().equals(keyId) && period.startOf(entry.getKey().day()).equals(start)) {
                        sum = sum.plus(entry.getValue());
                    }
                }
            }
        }
        return sum;
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::flush, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        flush();
    }

    /** Writes what was counted; on failure the counts are kept for the next attempt. */
    synchronized void flush() {
        Map<KeyDay, UsageTotals> batch;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            batch = Map.copyOf(pending);
            pending.clear();
            writing = batch;
        }
        committing.writeLock().lock();
        try {
            ledger.add(batch);
        } catch (RuntimeException e) {
            LOG.warn("key usage could not be stored, retrying later: {}", e.toString());
            synchronized (pending) {
                batch.forEach((day, totals) -> pending.merge(day, totals, UsageTotals::plus));
            }
        } finally {
            synchronized (pending) {
                writing = Map.of();
            }
            committing.writeLock().unlock();
        }
    }
}
