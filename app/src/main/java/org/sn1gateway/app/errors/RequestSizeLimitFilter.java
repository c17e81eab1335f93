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

/** Refuses request bodies over the limit with 413, whether or not they announce their length. */
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestSizeLimitFilter implements ContainerRequestFilter {
    private final long maxBytes;

    public RequestSizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }

    private WebApplicationException tooLarge() {
        // The rest of the body stays unread, so the connection cannot be reused: say so to the client.
        return new WebApplicationException(Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Connection", "close")
                .entity(Map.of("code", 413, "message", "the request body is larger than " + maxBytes + " bytes"))
                .build());
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
                throw tooLarge();
            }
        }
    }
}
