package org.sn1gateway.domain.service;

import java.time.Duration;

/** Runs a task later; the seam through which tests control time. */
@FunctionalInterface
public interface Scheduler {
    /** @return an action that cancels the task if it has not started */
    Runnable schedule(Duration delay, Runnable task);
}
