package org.sn1gateway.adapters.subtensor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A subtensor node for tests: a minimal RFC 6455 WebSocket server on loopback (Jetty's WebSocket server is
 * not published for the Jetty version this project pins) that answers JSON-RPC through a handler, splits
 * long answers into fragments, and can stay silent or drop the connection.
 */
public final class TestSubtensorServer implements AutoCloseable {
    /** What the node does with one request. */
    public sealed interface Reply {
        record Result(JsonNode value) implements Reply {
        }

        record Error(int code, String message) implements Reply {
        }

        record Silence() implements Reply {
        }

        record Drop() implements Reply {
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int FRAGMENT = 64 * 1024;

    private final ServerSocket server;
    private final BiFunction<String, JsonNode, Reply> handler;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> methods = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public TestSubtensorServer(BiFunction<String, JsonNode, Reply> handler) throws IOException {
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.handler = handler;
        Thread.ofVirtual().start(this::accept);
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort());
    }

    public int connections() {
        return connections.get();
    }

    public List<String> methods() {
        return List.copyOf(methods);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            handshake(in, out);
            String message;
            while ((message = readMessage(in, out)) != null) {
                if (down) {
                    return; // a node that went down answers nothing on connections it still had
                }
                JsonNode request = JSON.readTree(message);
                methods.add(request.get("method").asText());
                Reply reply = handler.apply(request.get("method").asText(), request.get("params"));
                if (reply instanceof Reply.Drop) {
                    return;
                }
                if (!(reply instanceof Reply.Silence)) {
                    write(out, answer(request.get("id"), reply));
                }
            }
        } catch (Exception e) {
            // The client went away.
        }
    }

    private static String answer(JsonNode id, Reply reply) {
        ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0");
        answer.set("id", id);
        if (reply instanceof Reply.Result result) {
            answer.set("result", result.value());
        } else if (reply instanceof Reply.Error error) {
            answer.putObject("error").put("code", error.code()).put("message", error.message());
        }
        return answer.toString();
    }

    private static void handshake(DataInputStream in, OutputStream out) throws Exception {
        String key = null;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).strip();
            }
        }
        String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readLine(DataInputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed during the handshake");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The next text message, joining fragments; null when the client closes. */
    private static String readMessage(DataInputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] mask = new byte[4];
            if ((second & 0x80) != 0) {
                in.readFully(mask);
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
            int opcode = first & 0x0f;
            if (opcode == 8) {
                return null;
            }
            if (opcode == 9) {
                frame(out, 0x8a, payload, 0, payload.length);
                continue;
            }
            message.write(payload);
            if ((first & 0x80) != 0) {
                return message.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static synchronized void write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length || offset == 0; offset += FRAGMENT) {
            int length = Math.min(FRAGMENT, bytes.length - offset);
            boolean last = offset + length >= bytes.length;
            frame(out, (last ? 0x80 : 0) | (offset == 0 ? 1 : 0), bytes, offset, length);
            if (last) {
                break;
            }
        }
        out.flush();
    }

    private static void frame(OutputStream out, int first, byte[] bytes, int offset, int length) throws IOException {
        out.write(first);
        if (length < 126) {
            out.write(length);
        } else if (length < 65_536) {
            out.write(126);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) length >>> shift));
            }
        }
        out.write(bytes, offset, length);
    }

    /** Stops listening and drops every connection, as a node that goes down does. */
    @Override
    public void close() throws IOException {
        down = true;
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
