package org.sn1gateway.app.errors;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads a request body to its end, also when reading it as JSON failed part-way. An error found early (a
 * 400 at the first syntax error) would otherwise leave the rest unread; the server would then have to
 * close the connection, and clients that send the whole body before reading the answer (the JDK's,
 * Python's requests) would report a broken connection instead of the 422. The body stream is the size
 * limit's, so at most the limit is ever read.
 */
public final class BodyDrainingInterceptor implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } finally {
            drain(context.getInputStream());
        }
    }

    private static void drain(InputStream body) {
        try {
            // Mostly the body was read whole: a check for its end costs no 16 KiB buffer.
            if (body.read() != -1) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException | RuntimeException e) {
            // Over the size limit (answered with 413) or already gone: nothing more to read.
        }
    }
}
