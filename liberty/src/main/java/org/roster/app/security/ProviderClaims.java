package org.roster.app.security;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the identity provider said about the person signed in with {@code roster.auth=oidc}: the
 * claims of the bearer token an API call carries (MicroProfile JWT), or of the ID token a page's
 * session was signed in with (Liberty's OpenID Connect client). Used only with oidc: with demo
 * users neither API is on the server, so nothing here may be touched.
 *
 * <pre>{@code
 * ProviderClaims.verifiedEmail(security.getUserPrincipal()); // the address, only if the provider verified it
 * }</pre>
 */
final class ProviderClaims {

    private static final Logger LOG = Logger.getLogger(ProviderClaims.class.getName());

    /**
     * Liberty's API for the ID token of a session its OpenID Connect client signed in; it is Liberty's
     * own (not a Jakarta or MicroProfile API) and not published for compiling against, so it is
     * reached by name.
     */
    private static final String ID_TOKEN_HELPER = "com.ibm.websphere.security.openidconnect.PropagationHelper";

    private ProviderClaims() {
    }

    /**
     * The person's e-mail address ({@code email}) if the provider has verified it
     * ({@code email_verified} is true); empty if there is no address or it is not verified.
     */
    static Optional<String> verifiedEmail(Principal principal) {
        if (!claim(principal, "email_verified").map(ProviderClaims::isTrue).orElse(false)) {
            return Optional.empty();
        }
        return claim(principal, "email").map(ProviderClaims::text).filter(mail -> !mail.isBlank());
    }

    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : value.toString();
    }

    /** A claim's value as true: JSON true, or the text "true" that some providers send instead. */
    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || JsonValue.TRUE.equals(value)
                || (value instanceof String text && text.strip().equalsIgnoreCase("true"));
    }

    /** A claim about the signed-in person, if the provider made it. */
    static Optional<Object> claim(Principal principal, String name) {
        if (principal instanceof JsonWebToken token) {
            return Optional.ofNullable(token.getClaim(name));
        }
        return idTokenClaim(name);
    }

    private static Optional<Object> idTokenClaim(String name) {
        try {
            Class<?> helper = Class.forName(ID_TOKEN_HELPER, true, ProviderClaims.class.getClassLoader());
            Method getIdToken = helper.getMethod("getIdToken");
            Object idToken = getIdToken.invoke(null);
            if (idToken == null) {
                return Optional.empty();
            }
            // through the interface the helper declares: the implementing class is the server's own
            Method getClaim = getIdToken.getReturnType().getMethod("getClaim", String.class);
            return Optional.ofNullable(getClaim.invoke(idToken, name));
        } catch (ReflectiveOperationException | LinkageError e) {
            // no OpenID Connect client on this server: no claims, so nothing the provider vouched for
            LOG.log(Level.FINE, "no ID token to read the claim " + name + " from", e);
            return Optional.empty();
        }
    }
}
