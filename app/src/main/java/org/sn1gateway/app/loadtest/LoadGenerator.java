package org.sn1gateway.app.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs streamed chats from {@code concurrency} virtual threads, each starting its next chat as soon as the
 * last one ends (or a think time after it), until a number of chats or a duration is reached. An optional
 * warm-up runs the same load first and forgets it: a fresh JVM's interpreter and JIT compiler would
 * otherwise be measured as latency.
 * The workers run on from the warm-up into the measured part, so that it measures the steady state, not
 * every worker starting its chat in the same instant.
 */
public final class LoadGenerator {
    /** What to send and how much. Exactly one of {@code requests} and {@code duration} is set. */
    public record Plan(URI target, String apiKey, String body, boolean openAi, int concurrency, Integer requests,
                       Duration duration, Duration timeout, Duration warmup, Duration rampUp, Duration thinkTime,
                       boolean http2) {
    }

    private LoadGenerator() {
    }

    public static LoadReport run(Plan plan) throws InterruptedException {
        return run(plan, () -> { });
    }

    /** @param measuring called when the measured part begins, after any warm-up */
    public static LoadReport run(Plan plan, Runnable measuring) throws InterruptedException {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().executor(threads)
                     .version(plan.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            if (plan.http2()) {
                upgrade(client, plan);
            }
            StreamProbe probe = new StreamProbe(client, plan.target(), plan.apiKey(), plan.body(), plan.openAi(),
                    plan.timeout());
            Run run = new Run(plan, System.nanoTime());
            List<Thread> workers = run.startWorkers(probe);
            run.awaitMeasuring();
            measuring.run();
            for (Thread worker : workers) {
                worker.join();
            }
            if (run.refused.get() != null) {
                throw run.refused.get();
            }
            return LoadReport.of(List.copyOf(run.outcomes), plan.concurrency(),
                    run.lastEnd.get() - run.measuredFrom);
        }
    }

    /**
     * Opens the HTTP/2 connection that the chats then share. The JDK client speaks HTTP/2 without TLS only
     * by upgrading an HTTP/1.1 request, and a request with a body, as every chat is, cannot upgrade: a GET
     * does it first, whatever its status.
     */
    private static void upgrade(HttpClient client, Plan plan) throws InterruptedException {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(plan.target()).timeout(plan.timeout())
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            if (response.version() != HttpClient.Version.HTTP_2) {
                throw new IllegalStateException(plan.target() + " does not speak HTTP/2 without TLS (h2c)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach " + plan.target() + ": " + e.getMessage(), e);
        }
    }

    /**
     * One run's clock and tally. A chat counts when it starts in the measured part; with a number of
     * requests, only that many such chats start. A refused key stops the run at once.
     */
    private static final class Run {
        private final Plan plan;
        private final long rampStart;
        private final long measuredFrom;
        private final long deadline;
        private final AtomicInteger measuredStarts = new AtomicInteger();
        private final ConcurrentLinkedQueue<StreamOutcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicLong lastEnd;
        private final AtomicReference<KeyRefusedException> refused = new AtomicReference<>();
        private final CountDownLatch stopped = new CountDownLatch(1);

        Run(Plan plan, long now) {
            this.plan = plan;
            this.rampStart = now;
            this.measuredFrom = now + plan.warmup().toNanos();
            this.deadline = plan.duration() == null ? Long.MAX_VALUE : measuredFrom + plan.duration().toNanos();
            this.lastEnd = new AtomicLong(measuredFrom);
        }

        /** The workers start evenly over the ramp-up, so that thousands of streams do not connect at once. */
        List<Thread> startWorkers(StreamProbe probe) throws InterruptedException {
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < plan.concurrency(); i++) {
                if (!pauseUntil(rampStart + plan.rampUp().toNanos() * i / plan.concurrency())) {
                    break;
                }
                workers.add(Thread.ofVirtual().name("load-" + i).start(() -> work(probe)));
            }
            return workers;
        }

        void awaitMeasuring() throws InterruptedException {
            pauseUntil(measuredFrom);
        }

        private void work(StreamProbe probe) {
            for (boolean first = true; ; first = false) {
                if (!first && plan.thinkTime().isPositive() && !think()) {
                    return;
                }
                long start = System.nanoTime();
                boolean measured = start >= measuredFrom;
                if (start >= deadline || stopped.getCount() == 0 || measured && plan.requests() != null
                        && measuredStarts.getAndIncrement() >= plan.requests()) {
                    return;
                }
                StreamOutcome outcome;
                try {
                    outcome = probe.run();
                } catch (KeyRefusedException e) {
                    refused.compareAndSet(null, e);
                    stopped.countDown();
                    return;
                }
                if (measured) {
                    outcomes.add(outcome);
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }
        }

        /** The pause between a worker's chats; false when the run is being stopped. */
        private boolean think() {
            try {
                return !stopped.await(plan.thinkTime().toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }

        /** Waits until then, or until the run is stopped: false if it was. */
        private boolean pauseUntil(long nanoTime) throws InterruptedException {
            return !stopped.await(nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
    }
}
