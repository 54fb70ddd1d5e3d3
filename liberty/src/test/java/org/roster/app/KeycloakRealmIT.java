package org.roster.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;

/**
 * The realm export in the repository imports into a real Keycloak and gives each of Roster's
 * kinds of user the realm role the application maps to its own, in the {@code groups} claim that
 * MicroProfile JWT reads, with the user name as {@code upn}.
 */
class KeycloakRealmIT {

    @Test
    void eachDemoUserSignsInWithTheRoleRosterExpects() {
        KeycloakServer keycloak = KeycloakServer.get();
        Map<String, String> roles = Map.of("admin", "directory-admin", "compliance", "compliance-officer",
                "compliance2", "compliance-officer", "auditor", "auditor", "p000100", "employee");
        roles.forEach((user, role) -> {
            JsonObject claims = KeycloakServer.claims(keycloak.accessToken(user, user));
            List<String> groups = claims.getJsonArray("groups").getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString).toList();
            assertThat(groups).as(user).contains(role)
                    .doesNotContain(List.of("directory-admin", "compliance-officer", "auditor", "employee").stream()
                            .filter(other -> !other.equals(role)).toArray(String[]::new));
            assertThat(claims.getString("upn")).isEqualTo(user);
            assertThat(claims.getString("iss")).isEqualTo(keycloak.issuer());
        });
        assertThat(keycloak.passwordGrant("admin", "wrong").statusCode()).isEqualTo(401);
    }
}
