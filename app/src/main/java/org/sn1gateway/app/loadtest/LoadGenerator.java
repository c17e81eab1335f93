package org.sn1gateway.app.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs streamed chats from {@code concurrency} virtual threads, each starting its next chat as soon as the
 * last one ends, until a number of chats or a duration is reached. An optional warm-up runs the same load
 * first and forgets it: a fresh JVM's interpreter and JIT compiler would otherwise be measured as latency.
 */
public final class LoadGenerator {
    /** What to send and how much. Exactly one of {@code requests} and {@code duration} is set. */
    public record Plan(URI target, String apiKey, String body, boolean openAi, int concurrency, Integer requests,
                       Duration duration, Duration timeout, Duration warmup, Duration rampUp) {
    }

    private LoadGenerator() {
    }

    public static LoadReport run(Plan plan) throws InterruptedException {
        return run(plan, () -> { });
    }

    /** @param measuring called when the measured part begins, after any warm-up */
    public static LoadReport run(Plan plan, Runnable measuring) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            StreamProbe probe = new StreamProbe(client, plan.target(), plan.apiKey(), plan.body(), plan.openAi(),
                    plan.timeout());
            if (plan.warmup().isPositive()) {
                drive(probe, plan.concurrency(), null, System.nanoTime() + plan.warmup().toNanos(), plan.rampUp(),
                        outcome -> { });
            }
            ConcurrentLinkedQueue<StreamOutcome> outcomes = new ConcurrentLinkedQueue<>();
            measuring.run();
            long start = System.nanoTime();
            long deadline = plan.duration() == null ? Long.MAX_VALUE : start + plan.duration().toNanos();
            drive(probe, plan.concurrency(), plan.requests(), deadline,
                    plan.warmup().isPositive() ? Duration.ZERO : plan.rampUp(), outcomes::add);
            return LoadReport.of(List.copyOf(outcomes), plan.concurrency(), System.nanoTime() - start);
        }
    }

    /**
     * Chats from {@code concurrency} workers until {@code requests} (when set) or the deadline; the workers
     * start evenly over {@code rampUp}, so that thousands of streams do not all connect in the same instant.
     */
    private static void drive(StreamProbe probe, int concurrency, Integer requests, long deadline, Duration rampUp,
                              Consumer<StreamOutcome> outcomes) throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long rampStart = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            long delay = rampStart + rampUp.toNanos() * i / concurrency - System.nanoTime();
            if (delay > 0) {
                Thread.sleep(Duration.ofNanos(delay));
            }
            workers.add(Thread.ofVirtual().name("load-" + i).start(() -> {
                while (System.nanoTime() < deadline && (requests == null || started.getAndIncrement() < requests)) {
                    outcomes.accept(probe.run());
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
