package org.sn1gateway.domain.fakes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sn1gateway.domain.service.Scheduler;

/** A scheduler whose time stands still until the test fires the pending tasks. */
public final class ManualScheduler implements Scheduler {
    private final List<Task> tasks = new ArrayList<>();

    private static final class Task {
        final Duration delay;
        final Runnable action;
        boolean cancelled;

        Task(Duration delay, Runnable action) {
            this.delay = delay;
            this.action = action;
        }
    }

    @Override
    public synchronized Runnable schedule(Duration delay, Runnable action) {
        Task task = new Task(delay, action);
        tasks.add(task);
        return () -> {
            synchronized (this) {
                task.cancelled = true;
            }
        };
    }

    /** Runs every task scheduled and not cancelled, as if their delays had passed. */
    public void fireAll() {
        List<Task> due;
        synchronized (this) {
            due = tasks.stream().filter(task -> !task.cancelled).toList();
            tasks.clear();
        }
        due.forEach(task -> task.action.run());
    }

    /** Runs the tasks scheduled with this delay and not cancelled, as if just that much time had passed. */
    public void fire(Duration delay) {
        List<Task> due;
        synchronized (this) {
            due = tasks.stream().filter(task -> !task.cancelled && task.delay.equals(delay)).toList();
            tasks.removeAll(due);
        }
        if (due.isEmpty()) {
            throw new AssertionError("no task is pending after " + delay + "; pending: " + pendingDelays());
        }
        due.forEach(task -> task.action.run());
    }

    public synchronized List<Duration> pendingDelays() {
        return tasks.stream().filter(task -> !task.cancelled).map(task -> task.delay).toList();
    }
}
