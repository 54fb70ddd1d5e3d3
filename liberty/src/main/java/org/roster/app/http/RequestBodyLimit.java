package org.roster.app.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the size of request bodies before anything reads them: {@code roster.http.max-body} for
 * every address, {@code roster.http.max-policy-body} (smaller) for the policies, whose text is
 * parsed and checked as a whole. A body that says up front it is larger is refused with 413 before
 * a byte of it is read; one sent without a length is counted while it is read and refused when it
 * runs over. Mapped in web.xml to every address, the REST API and the address books alike.
 */
public class RequestBodyLimit implements Filter {

    /** The policies' addresses, as the container has decoded and normalised them. */
    private static final String POLICIES = "/api/policies";

    @Inject @ConfigProperty(name = "roster.http.max-body", defaultValue = "1048576")
    long maxBody;

    @Inject @ConfigProperty(name = "roster.http.max-policy-body", defaultValue = "262144")
    long maxPolicyBody;

    @Override
    public void init(FilterConfig config) {
        positive("roster.http.max-body", maxBody);
        positive("roster.http.max-policy-body", maxPolicyBody);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean policy = path.equals(POLICIES) || path.startsWith(POLICIES + "/");
        long limit = policy ? maxPolicyBody : maxBody;
        String detail = "The request body is larger than " + size(limit) + ", the most Roster accepts "
                + (policy ? "for a policy (roster.http.max-policy-body)." : "(roster.http.max-body).");
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, detail);
            return;
        }
        CappedRequest capped = new CappedRequest(request, limit, detail);
        try {
            chain.doFilter(capped, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // a servlet that let the overrun escape (the REST API answers it itself, see ProblemMapper)
            if (!capped.overran() || response.isCommitted()) {
                throw e;
            }
            response.reset();
            refuse(request, response, detail);
        }
    }

    /** 413 with a problem document, asking the client to close the connection rather than send the rest. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        SecurityHeaders.apply(request, response);
        response.setStatus(413);
        response.setHeader("Connection", "close");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank")
                .add("title", "Content too large").add("status", 413).add("detail", detail).build().toString());
    }

    /** A size as a person reads it: 1 MiB, 256 KiB, 1500 bytes. */
    static String size(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number of bytes, not " + value);
        }
    }

    /** The request with its body capped, however it is read. */
    private static final class CappedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final String detail;
        private CappedBody body;
        private BufferedReader reader;

        CappedRequest(HttpServletRequest request, long limit, String detail) {
            super(request);
            this.limit = limit;
            this.detail = detail;
        }

        boolean overran() {
            return body != null && body.overran();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new CappedBody(super.getInputStream(), limit, detail);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
            }
            return reader;
        }
    }
}
