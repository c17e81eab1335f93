package org.sn1gateway.app.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Refuses request bodies over the limit with 413, whether they announce their length or come in chunks
 * without one. A body up to a few times the limit is read and discarded first: clients that send the
 * whole body before reading (the JDK's, Python's requests) would otherwise see a closed connection
 * instead of the 413. Anything larger is answered at once and the connection closed.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestSizeLimitFilter implements ContainerRequestFilter {
    private static final long MAX_DRAINED = 4L << 20;

    private final long maxBytes;

    public RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw request.getLength() <= drainLimit() ? tooLarge(request.getEntityStream(), 0) : tooLargeToRead();
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }

    private long drainLimit() {
        return Math.min(maxBytes * 4, MAX_DRAINED);
    }

    /** The 413, after reading the rest of the body when it ends within the drain limit. */
    private WebApplicationException tooLarge(InputStream rest, long alreadyRead) {
        return drained(rest, drainLimit() - alreadyRead) ? new WebApplicationException(refusal().build())
                : tooLargeToRead();
    }

    private WebApplicationException tooLargeToRead() {
        // The rest of the body stays unread, so the connection cannot be reused: say so to the client.
        return new WebApplicationException(refusal().header("Connection", "close").build());
    }

    /** Reads and discards a body; false when it holds more than the given bytes or reading fails. */
    private static boolean drained(InputStream body, long atMost) {
        byte[] discarded = new byte[8192];
        long left = atMost;
        try {
            for (int n = body.read(discarded); n >= 0; n = body.read(discarded)) {
                left -= n;
                if (left < 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Response.ResponseBuilder refusal() {
        return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("code", 413, "message", "the request body is larger than " + maxBytes + " bytes"));
    }

    private final class LimitedStream extends FilterInputStream {
        private long read;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge(in, read);
            }
        }
    }
}
