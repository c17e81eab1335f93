package org.sn1gateway.app.loadtest;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the thread reading a chat once the chat's time is up. The JDK client's request timeout only
 * covers the wait for the response's headers; a stream that stalls after them would otherwise hold its
 * worker, and the whole run, for ever.
 */
final class ChatDeadline implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("loadtest-deadlines").factory());

    private final Thread reader = Thread.currentThread();
    private final ScheduledFuture<?> alarm;
    private boolean over;
    private boolean expired;

    /** Starts the clock for the calling thread's chat. */
    ChatDeadline(Duration timeout) {
        alarm = TIMER.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void expire() {
        if (!over) {
            expired = true;
            reader.interrupt();
        }
    }

    synchronized boolean expired() {
        return expired;
    }

    /** Stops the clock; an interrupt of this deadline's own is not left behind for the next chat. */
    @Override
    public void close() {
        alarm.cancel(false);
        synchronized (this) {
            over = true;
        }
        if (expired()) {
            Thread.interrupted();
        }
    }
}
