package org.sn1gateway.adapters.simulation;

import java.util.concurrent.atomic.AtomicLong;

/** What the simulated axons observed, for tests and for operators trying the gateway. */
final class AxonCounters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong abandoned = new AtomicLong();
}
