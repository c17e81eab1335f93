package org.sn1gateway.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server with the gateway's API that answers every chat with its stream's headers and one event, then
 * sends nothing more until it is closed: a stream stalled mid-answer.
 */
public final class StalledStreams implements AutoCloseable {
    private final HttpServer server;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger served = new AtomicInteger();

    public StalledStreams() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::stall);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Chats whose stream was opened. */
    public int served() {
        return served.get();
    }

    private void stall(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        body.write("event: chunk\ndata: {\"delta\":\"\"}\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        served.incrementAndGet();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
    }
}
