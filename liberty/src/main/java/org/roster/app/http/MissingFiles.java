package org.roster.app.http;

import java.io.IOException;
import java.net.MalformedURLException;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a request for a page or file the application does not have with a plain 404. Left to the
 * server's file serving, a missing file (a browser's {@code /favicon.ico}, a mistyped page) is
 * reported as an exception with a first-failure report in the server's logs, where an operator
 * would take it for a fault; a page not found is an expected answer, not a failure.
 */
public class MissingFiles extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The URL patterns of the application's servlets (JAX-RS, CardDAV, sign-out), read at start. */
    private List<String> servletPatterns = List.of();

    @Override
    public void init() {
        servletPatterns = getServletContext().getServletRegistrations().values().stream()
                .map(registration -> registration.getMappings()).flatMap(Collection::stream)
                .filter(pattern -> !pattern.equals("/")).toList();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!takenByServlet(path) && !exists(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether one of the application's servlets takes the path, by the servlet specification's rules. */
    private boolean takenByServlet(String path) {
        for (String pattern : servletPatterns) {
            boolean taken = pattern.endsWith("/*") ? path.equals(pattern.substring(0, pattern.length() - 2))
                    || path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : pattern.startsWith("*.") ? path.endsWith(pattern.substring(1)) : path.equals(pattern);
            if (taken) {
                return true;
            }
        }
        return false;
    }

    private boolean exists(String path) throws MalformedURLException {
        return path.isEmpty() || path.endsWith("/") || getServletContext().getResource(path) != null;
    }
}
