package org.roster.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * Matching a person signed in through the provider to their directory entry by e-mail address: only
 * an address the provider has verified matches, since anyone may claim any address with a provider
 * that lets people register themselves.
 */
class SignInTest {

    private static final String MAIL = "ana.ruiz@example.org";

    /** A bearer token's claims, as the server's MicroProfile JWT support hands them over. */
    private record Token(String name, Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    /** SignIn matching by mail, with one directory entry (p12) for {@value #MAIL}. */
    private static SignIn byMail(String mode) {
        SignIn signIn = new SignIn() {
            @Override
            Optional<String> byMail(String mail) {
                return mail.equals(MAIL) ? Optional.of("p12") : Optional.empty();
            }
        };
        signIn.mode = mode;
        signIn.employeeMatch = "mail";
        return signIn;
    }

    private static Token token(Object emailVerified) {
        return new Token(MAIL, emailVerified == null ? Map.of("email", MAIL)
                : Map.of("email", MAIL, "email_verified", emailVerified));
    }

    @Test
    void anAddressTheProviderVerifiedMatchesItsEntry() {
        assertThat(byMail("oidc").self(token(true))).isEqualTo(new SignIn.Self.Found("p12"));
        assertThat(byMail("oidc").self(token(JsonValue.TRUE))).isEqualTo(new SignIn.Self.Found("p12"));
        assertThat(byMail("oidc").self(token("true"))).as("a provider that sends the flag as text")
                .isEqualTo(new SignIn.Self.Found("p12"));
        assertThat(byMail("oidc").employeeId(token(true))).hasValue("p12");
    }

    @Test
    void anAddressTheProviderDidNotVerifyMatchesNobody() {
        for (Object flag : new Object[] {false, JsonValue.FALSE, "false", "yes", 1}) {
            assertThat(byMail("oidc").self(token(flag))).as("email_verified %s", flag)
                    .isEqualTo(new SignIn.Self.MailNotVerified());
            assertThat(byMail("oidc").employeeId(token(flag))).isEmpty();
        }
    }

    @Test
    void aTokenWithoutTheClaimMatchesNobody() {
        assertThat(byMail("oidc").self(token(null))).isEqualTo(new SignIn.Self.MailNotVerified());
    }

    @Test
    void aSessionWithoutAnIdTokenMatchesNobody() {
        Principal session = () -> MAIL;

        assertThat(byMail("oidc").self(session)).isEqualTo(new SignIn.Self.MailNotVerified());
    }

    @Test
    void demoUsersHaveNoProviderToAskAndMatchByTheirRegistryName() {
        Principal demoUser = () -> MAIL;

        assertThat(byMail("demo").self(demoUser)).isEqualTo(new SignIn.Self.Found("p12"));
    }

    @Test
    void aVerifiedAddressNobodyHasIsNotFound() {
        assertThat(byMail("oidc").self(new Token("someone@example.org",
                Map.of("email", "someone@example.org", "email_verified", true)))).isEqualTo(new SignIn.Self.NotFound());
    }

    @Test
    void theAddressMatchedIsTheVerifiedOneNotTheSignedInName() {
        // a user name chosen to look like a colleague's address proves nothing
        Token lookalike = new Token(MAIL, Map.of("email", "mallory@example.org", "email_verified", true));
        Token verified = new Token("ana", Map.of("email", "Ana.Ruiz@example.org", "email_verified", true));

        assertThat(byMail("oidc").self(lookalike)).isEqualTo(new SignIn.Self.NotFound());
        assertThat(byMail("oidc").self(verified)).isEqualTo(new SignIn.Self.Found("p12"));
    }

    @Test
    void aVerifiedFlagWithoutAnAddressMatchesNobody() {
        assertThat(byMail("oidc").self(new Token(MAIL, Map.of("email_verified", true))))
                .isEqualTo(new SignIn.Self.MailNotVerified());
    }
}
