package org.sn1gateway.app.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Headers that keep browsers from misusing the gateway's responses: no content sniffing, no framing, no
 * referrer, no caching (chats, keys' statistics and pages alike), and a content policy that allows nothing.
 * Only the pages (the playground at {@code /}, the dashboard, the documentation at {@code /docs}) get a
 * policy that lets them run the gateway's own scripts and styles and call its API, and nothing else: no
 * inline script, no eval, nothing from elsewhere. Scripts and styles themselves need no policy of their own
 * (a policy governs the document that loads them), so they get the one that allows nothing.
 */
public final class SecurityHeadersFilter implements Filter {
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** Swagger UI draws its icons from data: URIs in its style sheet, hence {@code img-src data:}. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    private static final Set<String> APPLICATION_PAGES = Set.of("/", "/dashboard", "/docs", "/docs/index.html");

    private final Set<String> pages;

    private SecurityHeadersFilter(Set<String> pages) {
        this.pages = pages;
    }

    /** The application port, with its pages. */
    public static SecurityHeadersFilter applicationPort() {
        return new SecurityHeadersFilter(APPLICATION_PAGES);
    }

    /** The admin port: its menu page has links only, so everything there gets the policy that allows nothing. */
    public static SecurityHeadersFilter adminPort() {
        return new SecurityHeadersFilter(Set.of());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("X-Frame-Options", "DENY");
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("Content-Security-Policy", isPage((HttpServletRequest) request) ? PAGE_POLICY : API_POLICY);
        http.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return pages.contains(trimmed);
    }
}
