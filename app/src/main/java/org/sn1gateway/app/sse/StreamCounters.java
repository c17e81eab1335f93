package org.sn1gateway.app.sse;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How many answer streams are open, and how many ended because the client left or stopped reading. */
public final class StreamCounters {
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong clientsGone = new AtomicLong();

    public int open() {
        return open.get();
    }

    public long clientsGone() {
        return clientsGone.get();
    }

    void opened() {
        open.incrementAndGet();
    }

    void closed() {
        open.decrementAndGet();
    }

    void clientGone() {
        clientsGone.incrementAndGet();
    }
}
