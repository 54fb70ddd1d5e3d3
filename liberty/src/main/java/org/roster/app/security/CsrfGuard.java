package org.roster.app.security;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-site request forgery protection for everything a browser can be made to send with its
 * remembered sign-in (the session cookie, or Basic credentials it has cached):
 * <ul>
 * <li>a request that changes something (anything but GET, HEAD, OPTIONS) from another site, by its
 *     {@code Origin} or {@code Sec-Fetch-Site} header, is refused;</li>
 * <li>one from a browser (it sent a cookie or a {@code Sec-Fetch-Site} header) must also carry the
 *     header {@value #HEADER} equal to the {@value #COOKIE} cookie (double submit): a page of
 *     Roster's own reads the cookie, another site's page can neither read it nor set the header.</li>
 * </ul>
 * Requests with a bearer token are not at risk (a browser never adds one by itself) and pass, as do
 * programs that send neither cookies nor browser headers. The address books (CardDAV) only read,
 * and sign in with app passwords a browser never remembers for another site's requests: they are
 * exempt, recognised by the servlet the container routes the request to (its decoded, normalised
 * path), never by the raw address, which {@code /dav/../api/runs} or {@code /dav/%2e%2e/api/runs}
 * would make look like an address book's.
 */
public class CsrfGuard implements Filter {

    /** The servlet paths of the address books (CardDavServlet). */
    private static final Set<String> ADDRESS_BOOKS = Set.of("/dav", "/.well-known/carddav");

    public static final String COOKIE = "roster-csrf";
    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (ADDRESS_BOOKS.contains(request.getServletPath())) {
            chain.doFilter(req, res);
            return;
        }
        String cookie = cookie(request);
        if (SAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            if (cookie == null) {
                issue(request, response);
            }
            chain.doFilter(req, res);
            return;
        }
        String refusal = refusal(request, cookie);
        if (refusal != null) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\"" + refusal + "\"}");
            return;
        }
        chain.doFilter(req, res);
    }

    /** Why this request may not change anything, or null if it may. */
    static String refusal(HttpServletRequest request, String cookie) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "This request came from another site.";
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request)) {
            return "This request came from another site.";
        }
        boolean browser = site != null || request.getHeader("Cookie") != null;
        if (!browser) {
            return null;
        }
        String header = request.getHeader(HEADER);
        if (cookie == null || header == null || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII))) {
            return "The page's security token is missing or stale; reload the page and try again.";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return from.getScheme() != null && from.getScheme().equalsIgnoreCase(request.getScheme())
                    && host != null && from.getRawAuthority() != null && from.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(COOKIE) && !c.getValue().isBlank()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static void issue(HttpServletRequest request, HttpServletResponse response) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        Cookie cookie = new Cookie(COOKIE, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
        String context = request.getContextPath();
        cookie.setPath(context.isEmpty() ? "/" : context);
        cookie.setSecure(request.isSecure());
        // read by Roster's own pages, so not HttpOnly; sent only to Roster itself
        cookie.setHttpOnly(false);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }
}
