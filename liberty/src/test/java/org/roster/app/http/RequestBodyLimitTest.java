package org.roster.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

/**
 * The body cap as a servlet meets it: a servlet that reads a body sent without a length runs into
 * the cap, and the filter answers 413 in its place; a body that fits reaches the servlet whole.
 * (WebSecurityIT shows the same on the running server, with the REST API and the address books.)
 */
class RequestBodyLimitTest {

    /** What the filter answered. */
    private static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final StringWriter body = new StringWriter();
        String contentType;
    }

    private static RequestBodyLimit filter() {
        RequestBodyLimit filter = new RequestBodyLimit();
        filter.maxBody = 1024;
        filter.maxPolicyBody = 256;
        filter.init(null);
        return filter;
    }

    /** A request to an address book without a length (chunked), whose body has this many bytes. */
    private static HttpServletRequest chunked(String servletPath, int bytes) {
        return chunked(servletPath, "/addressbooks/p12/contacts/", bytes);
    }

    /** A request to this address without a length (chunked), whose body has this many bytes. */
    private static HttpServletRequest chunked(String servletPath, String pathInfo, int bytes) {
        ServletInputStream stream = CappedBodyTest.body(bytes);
        return (HttpServletRequest) Proxy.newProxyInstance(RequestBodyLimitTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    case "getContentLengthLong" -> -1L;
                    case "getInputStream" -> stream;
                    case "isSecure" -> false;
                    default -> null;
                });
    }

    private static HttpServletResponse response(Answer answer) {
        PrintWriter writer = new PrintWriter(answer.body);
        return (HttpServletResponse) Proxy.newProxyInstance(RequestBodyLimitTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.contentType = (String) args[0];
                        case "getWriter" -> {
                            return writer;
                        }
                        case "isCommitted" -> {
                            return false;
                        }
                        case "reset" -> answer.headers.clear();
                        default -> {
                        }
                    }
                    return null;
                });
    }

    /** A servlet that reads the whole body, as the address books' does, and lets a failure out. */
    private static FilterChain readingServlet(Answer answer) {
        return (request, response) -> {
            byte[] body = request.getInputStream().readAllBytes();
            answer.body.write("read " + body.length);
        };
    }

    @Test
    void aServletRunningIntoTheCapIsAnsweredWith413NamingTheLimit() throws Exception {
        Answer answer = new Answer();

        filter().doFilter(chunked("/dav", 5000), response(answer), readingServlet(answer));

        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.contentType).isEqualTo("application/problem+json");
        assertThat(answer.body.toString()).contains("larger than 1 KiB", "roster.http.max-body")
                .doesNotContain("read ");
        assertThat(answer.headers).containsEntry("Connection", "close").containsKey("Content-Security-Policy");
    }

    @Test
    void aBodyThatFitsReachesTheServletWhole() throws Exception {
        Answer answer = new Answer();

        filter().doFilter(chunked("/dav", 1024), response(answer), readingServlet(answer));

        assertThat(answer.status).isEqualTo(200);
        assertThat(answer.body.toString()).isEqualTo("read 1024");
    }

    @Test
    void policiesHaveTheirOwnSmallerLimit() throws Exception {
        Answer answer = new Answer();

        filter().doFilter(chunked("/api", "/policies/validate", 300), response(answer), readingServlet(answer));

        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.body.toString()).contains("larger than 256 bytes", "for a policy");
    }
}
