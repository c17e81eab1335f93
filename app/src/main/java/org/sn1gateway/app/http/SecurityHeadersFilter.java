package org.sn1gateway.app.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers that keep browsers from misusing the API's responses: no content sniffing, no framing, no
 * referrer, no caching of chats, and a content policy that allows nothing (the API serves data, not
 * pages). The pages (the playground at {@code /}, the dashboard, their assets, the documentation under {@code /docs}) get a
 * policy that lets them load the gateway's own scripts and call its API, and nothing from elsewhere.
 */
public final class SecurityHeadersFilter implements Filter {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        String path = ((HttpServletRequest) request).getRequestURI();
        boolean page = path.equals("/") || path.equals("/dashboard") || path.startsWith("/docs")
                || path.startsWith("/assets/");
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("Content-Security-Policy", page ? PAGE_POLICY : API_POLICY);
        if (!page) {
            http.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
