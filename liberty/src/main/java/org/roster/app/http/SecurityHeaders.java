package org.roster.app.http;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every page and API answer: the pages load only Roster's own scripts and
 * styles (no inline code), and may not be framed by another site. Answers that carry personal
 * data (the API, the address books, signing out) are never stored by a browser or a proxy; the
 * pages themselves hold none and stay cacheable. Over TLS, browsers are told to use nothing else
 * for a year (HSTS); over plain HTTP the header would mean nothing and is not sent. Mapped first
 * in web.xml, so refusals by the filters after it carry the headers too.
 */
public class SecurityHeaders implements Filter {

    /** The servlet paths whose answers are personal: the REST API, the address books, signing out. */
    private static final Set<String> PERSONAL = Set.of("/api", "/dav", "/.well-known/carddav", "/signout");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletRequest) request, (HttpServletResponse) response);
        chain.doFilter(request, response);
    }

    /** Sets the headers on an answer (again, after a filter reset it to refuse the request). */
    static void apply(HttpServletRequest request, HttpServletResponse http) {
        http.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
        http.setHeader("X-Content-Type-Options", "nosniff");
        http.setHeader("Referrer-Policy", "no-referrer");
        http.setHeader("X-Frame-Options", "DENY");
        if (PERSONAL.contains(request.getServletPath())) {
            http.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
