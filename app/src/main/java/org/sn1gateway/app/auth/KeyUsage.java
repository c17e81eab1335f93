package org.sn1gateway.app.auth;

import io.dropwizard.lifecycle.Managed;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.sn1gateway.domain.access.ApiKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests per key in memory and adds them to the stored usage every few seconds, in one batch:
 * a write per request would make usage accounting the database's heaviest load.
 */
public final class KeyUsage implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(KeyUsage.class);

    private final ConcurrentHashMap<String, LongAdder> pending = new ConcurrentHashMap<>();
    private final ApiKeyStore keys;
    private final ScheduledExecutorService timer;
    private final long flushSeconds;
    private final InstantSource clock;

    public KeyUsage(ApiKeyStore keys, ScheduledExecutorService timer, long flushSeconds, InstantSource clock) {
        this.keys = keys;
        this.timer = timer;
        this.flushSeconds = flushSeconds;
        this.clock = clock;
    }

    public void count(String keyId) {
        pending.computeIfAbsent(keyId, id -> new LongAdder()).increment();
    }

    @Override
    public void start() {
        timer.scheduleWithFixedDelay(this::flush, flushSeconds, flushSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        flush();
    }

    /** Writes what was counted; on failure the counts are put back for the next attempt. */
    void flush() {
        Map<String, Long> counted = new HashMap<>();
        pending.forEach((id, adder) -> {
            long count = adder.sumThenReset();
            if (count > 0) {
                counted.put(id, count);
            }
        });
        if (counted.isEmpty()) {
            return;
        }
        try {
            keys.addUsage(counted, clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("key usage could not be stored, retrying later: {}", e.toString());
            counted.forEach((id, count) -> pending.computeIfAbsent(id, key -> new LongAdder()).add(count));
        }
    }
}
