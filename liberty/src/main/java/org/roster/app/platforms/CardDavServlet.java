package org.roster.app.platforms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roster.app.config.TransactionalWork;
import org.roster.app.security.SignInThrottle;
import org.roster.platform.carddav.CardDavProtocol;
import org.roster.platform.carddav.AddressBook;
import org.roster.records.EmployeeRecords;

/**
 * Each employee's read-only CardDAV address book under {@code /dav/}, discoverable through
 * {@code /.well-known/carddav} (RFC 6764). A phone's address book (and so Telegram's own app, and
 * every other messenger on it) subscribes with the employee's directory id and an app password
 * they made on their self-service page; the server's sign-in does not apply here. Someone no
 * longer in the directory can't sign in, and nobody reads another's address book.
 */
@WebServlet(urlPatterns = {"/dav/*", "/.well-known/carddav"})
public class CardDavServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CardDavServlet.class.getName());
    /** Wrong passwords make the address that sent them wait, never the employee's own phone elsewhere. */
    private static final SignInThrottle GUESSES = new SignInThrottle(SignInThrottle.Limits.DEFAULT);
    /** As long as a directory id may be; a longer name is no one's and is not worth remembering. */
    private static final int LONGEST_NAME = 256;
    private static final String ROOT = "/dav";

    @Inject
    transient EmployeeRecords employees;

    @Inject
    transient AddressBook addressBooks;

    @Inject
    transient TransactionalWork tx;

    @Inject
    transient AppPasswords passwords;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String context = request.getContextPath();
        if (request.getServletPath().equals("/.well-known/carddav")) {
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", context + ROOT + "/");
            return;
        }
        // the address the connection came from: behind a reverse proxy, Liberty's remoteIp element
        // (configured for the proxy's address only) makes this the client's
        String address = SignInThrottle.addressKey(request.getRemoteAddr());
        String name = claimedName(request);
        Optional<Duration> wait = name == null ? Optional.empty() : GUESSES.wait(address, name, Instant.now());
        if (wait.isPresent()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, (wait.get().toMillis() + 999) / 1000)));
            response.setContentType("text/plain; charset=utf-8");
            response.setStatus(429);
            response.getWriter().write("Too many wrong passwords from here; try again later.");
            return;
        }
        String viewer = signedIn(request, address);
        if (viewer == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Roster address book\", charset=\"UTF-8\"");
            response.setContentType("text/plain; charset=utf-8");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.getWriter().write("Sign in with your directory id and an app password from your Roster page.");
            return;
        }
        CardDavProtocol dav = new CardDavProtocol(context + ROOT, addressBooks);
        CardDavProtocol.Response answer;
        try {
            answer = dav.handle(request.getMethod(), request.getPathInfo(), request.getHeader("Depth"),
                    request.getInputStream(), viewer, request.getHeader("Accept"));
        } catch (CardDavProtocol.BadRequest e) {
            answer = new CardDavProtocol.Response(400, Map.of("Content-Type", "text/plain; charset=utf-8"),
                    e.getMessage().getBytes(StandardCharsets.UTF_8));
        }
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        if (answer.body().length > 0) {
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
        }
    }

    /** The name and password of a Basic sign-in, or null. */
    private static String[] credentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    private static String claimedName(HttpServletRequest request) {
        String[] credentials = credentials(request);
        return credentials == null ? null : credentials[0];
    }

    /** The employee an app password signs in, if it does and they are still in the directory. */
    private String signedIn(HttpServletRequest request, String address) {
        String[] credentials = credentials(request);
        if (credentials == null || credentials[0].length() > LONGEST_NAME) {
            return null;
        }
        String id = credentials[0];
        if (!passwords.verify(id, credentials[1])) {
            GUESSES.failed(address, id, Instant.now());
            LOG.fine(() -> "An address book sign-in was refused");
            return null;
        }
        GUESSES.succeeded(address, id);
        boolean active = tx.inTransaction(() -> employees.employee(id).filter(e -> !e.gone()).isPresent());
        return active ? id : null;
    }
}
