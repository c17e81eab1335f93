package org.sn1gateway.app.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Gives every request an id, returned as {@code X-Request-Id} and put in the logging context as
 * {@code requestId}, so a client's report can be matched to the server's log lines. A well-formed id
 * sent by a proxy is kept; anything else is replaced, so nothing a client sends reaches the logs as is.
 */
public final class RequestIdFilter implements Filter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String presented = ((HttpServletRequest) request).getHeader(HEADER);
        String id = presented != null && ACCEPTED.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
        ((HttpServletResponse) response).setHeader(HEADER, id);
        request.setAttribute(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
