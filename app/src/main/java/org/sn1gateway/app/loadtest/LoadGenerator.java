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

/**
 * Runs streamed chats from {@code concurrency} virtual threads, each starting its next chat as soon as the
 * last one ends, until a number of chats or a duration is reached.
 */
public final class LoadGenerator {
    /** What to send and how much. Exactly one of {@code requests} and {@code duration} is set. */
    public record Plan(URI target, String apiKey, String body, boolean openAi, int concurrency, Integer requests,
                       Duration duration, Duration timeout) {
    }

    private LoadGenerator() {
    }

    public static LoadReport run(Plan plan) throws InterruptedException {
        ConcurrentLinkedQueue<StreamOutcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicInteger started = new AtomicInteger();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
             HttpClient client = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(Duration.ofSeconds(10)).build()) {
            StreamProbe probe = new StreamProbe(client, plan.target(), plan.apiKey(), plan.body(), plan.openAi(),
                    plan.timeout());
            long start = System.nanoTime();
            long deadline = plan.duration() == null ? Long.MAX_VALUE : start + plan.duration().toNanos();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < plan.concurrency(); i++) {
                workers.add(Thread.ofVirtual().name("load-" + i).start(() -> {
                    while (System.nanoTime() < deadline
                            && (plan.requests() == null || started.getAndIncrement() < plan.requests())) {
                        outcomes.add(probe.run());
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            return LoadReport.of(List.copyOf(outcomes), plan.concurrency(), System.nanoTime() - start);
        }
    }
}
