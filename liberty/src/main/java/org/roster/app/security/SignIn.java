package org.roster.app.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.roster.app.config.RosterSettings;
import org.roster.records.SignInIdentities;

/**
 * How people sign in ({@code roster.auth}): the embedded default's demo users ({@code demo}) or the
 * company's OpenID Connect provider ({@code oidc}); and which directory entry a signed-in person is.
 * The server's configuration ({@code auth-demo.xml} / {@code auth-oidc.xml}) does the signing in;
 * this class checks the choice is a safe one and answers what the application needs to know.
 */
@ApplicationScoped
public class SignIn {

    /** What the signed-in name is compared with to find the person's own directory entry. */
    public enum EmployeeMatch { ID, MAIL }

    /** Who a signed-in person is in the directory, or why Roster can't say. */
    public sealed interface Self {

        /** Their own directory entry. */
        record Found(String employeeId) implements Self {
        }

        /** No entry is theirs (yet): not read from the directory, or an address two entries share. */
        record NotFound() implements Self {
        }

        /**
         * Matching by e-mail address, and the provider has not vouched that the address is this
         * person's ({@code email_verified} absent or false): anyone can type someone else's address
         * into a self-registration form, so such an address matches nobody.
         */
        record MailNotVerified() implements Self {
        }
    }

    @Inject @ConfigProperty(name = "roster.auth", defaultValue = "demo")
    String mode;

    @Inject @ConfigProperty(name = "roster.auth.allow-demo", defaultValue = "false")
    boolean allowDemo;

    @Inject @ConfigProperty(name = "roster.auth.employee-match", defaultValue = "id")
    String employeeMatch;

    @Inject @ConfigProperty(name = "roster.oidc.issuer")
    Optional<String> issuer;

    @Inject @ConfigProperty(name = "roster.oidc.client-id", defaultValue = "roster")
    String clientId;

    @Inject
    RosterSettings settings;

    @Inject
    SignInIdentities identities;

    /**
     * Refuses a configuration that would let anyone in on demo users: demo users are for the
     * embedded default; a server with a database of its own must sign people in through the
     * company's provider, unless demo users are asked for by name ({@code roster.auth.allow-demo}).
     */
    public void check() {
        String m = mode();
        if (!List.of("demo", "oidc").contains(m)) {
            throw new IllegalStateException("roster.auth must be demo or oidc, not '" + mode + "'");
        }
        if (m.equals("demo") && !settings.embeddedDatabase() && !allowDemo) {
            throw new IllegalStateException("Roster will not sign people in with its demo users on a database of "
                    + "your own. Set roster.auth=oidc and roster.oidc.issuer (see the README, 'Signing in through "
                    + "your Keycloak'); only for a test server, set roster.auth.allow-demo=true as well.");
        }
        if (m.equals("oidc") && issuer.filter(i -> !i.isBlank()).isEmpty()) {
            throw new IllegalStateException("roster.auth=oidc needs roster.oidc.issuer, the provider's issuer URL "
                    + "(for Keycloak https://<host>/realms/<realm>)");
        }
        if (m.equals("oidc") && (System.getenv("keystore_password") == null
                || System.getenv("keystore_password").isBlank())) {
            throw new IllegalStateException("roster.auth=oidc needs the keystore_password environment variable: "
                    + "the server keeps its TLS key store (and any private CA for the provider) under it");
        }
        employeeMatch();
    }

    /** {@code demo} or {@code oidc}. */
    public String mode() {
        return mode.strip().toLowerCase(Locale.ROOT);
    }

    public boolean demo() {
        return mode().equals("demo");
    }

    EmployeeMatch employeeMatch() {
        try {
            return EmployeeMatch.valueOf(employeeMatch.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("roster.auth.employee-match must be id or mail, not '" + employeeMatch
                    + "'", e);
        }
    }

    /** The directory id of the person signed in, if Roster can tell who they are (see {@link #self}). */
    public Optional<String> employeeId(Principal principal) {
        return self(principal) instanceof Self.Found found ? Optional.of(found.employeeId()) : Optional.empty();
    }

    /**
     * Who the person signed in is in the directory: the entry whose id is their signed-in name, or
     * with {@code mail} the entry with their address. With {@code oidc} that address is the token's
     * {@code email} claim, and only if its {@code email_verified} claim is true; with demo users
     * (no provider) it is the signed-in name.
     */
    public Self self(Principal principal) {
        String signedInName = principal == null ? null : principal.getName();
        if (signedInName == null || signedInName.isBlank()) {
            return new Self.NotFound();
        }
        if (employeeMatch() == EmployeeMatch.ID) {
            return identities.employeeWithId(signedInName).<Self>map(Self.Found::new).orElse(new Self.NotFound());
        }
        String mail = signedInName;
        if (!demo()) {
            // the address the provider vouches for, whichever claim names the person
            Optional<String> verified = ProviderClaims.verifiedEmail(principal);
            if (verified.isEmpty()) {
                return new Self.MailNotVerified();
            }
            mail = verified.get();
        }
        return byMail(mail.strip().toLowerCase(Locale.ROOT)).<Self>map(Self.Found::new).orElse(new Self.NotFound());
    }

    /** The one entry with this address; none when two share it (nobody can tell which is this person). */
    Optional<String> byMail(String mail) {
        List<String> ids = identities.employeesWithMail(mail, 2);
        return ids.size() == 1 ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /**
     * Where the browser goes to end the provider's session after Roster's own has ended, coming back
     * to {@code returnTo}; empty with demo users (the browser keeps Basic credentials until it closes).
     */
    public Optional<String> providerSignOut(String returnTo) {
        if (demo()) {
            return Optional.empty();
        }
        String base = issuer.orElseThrow().replaceAll("/+$", "");
        return Optional.of(base + "/protocol/openid-connect/logout?client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8));
    }
}
