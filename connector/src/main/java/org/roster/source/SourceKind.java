package org.roster.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A kind of directory source (an LDAP directory, an Entra ID tenant): the settings and secrets it
 * takes, which of them bind its secrets to where they are sent, how an admin's settings become a
 * readable source (or an error naming the setting), and through that its reader and connection
 * test. Kinds are found with {@link java.util.ServiceLoader} ({@link SourceKinds}); a new kind lists
 * itself in {@code META-INF/services/org.roster.source.SourceKind} and changes no other kind.
 *
 * <pre>{@code
 * SourceKind kind = SourceKinds.named("ldap").orElseThrow();
 * SourceConfiguration hr = kind.configure(new SourceSettings("hr", settings, secrets));
 * ConnectionReport report = hr.connect(Optional.empty()).test(hr, 3, 1_000);
 * }</pre>
 */
public interface SourceKind {

    /** Its name as admins write it, such as {@code ldap} or {@code entra}. */
    String name();

    /** The settings it takes, besides those every source takes. */
    Set<String> settings();

    /** The names of the secrets it takes. */
    Set<String> secrets();

    /**
     * The settings that say where its secrets are sent, or what vouches for that place: when one
     * changes, the secrets given for the old place must not follow.
     */
    Set<String> endpointSettings();

    /** The settings it takes when they are left out, as it reads them. */
    default Map<String, String> defaults() {
        return Map.of();
    }

    /**
     * Reads an admin's settings into a source of this kind.
     *
     * @throws IllegalArgumentException naming the source and what is wrong (never a secret's value)
     */
    SourceConfiguration configure(SourceSettings settings);

    /**
     * Where a secret of this source would travel in clear text, if it would: an admin must have
     * accepted that. Kinds that never send a secret unencrypted have none.
     *
     * @throws IllegalArgumentException when the settings can't be read
     */
    default Optional<String> secretInClearTextTo(SourceSettings settings) {
        return Optional.empty();
    }

    /**
     * The servers a source of this kind is read from, in failover order, and how it protects the
     * connection, for kinds that have servers of their own; empty for a service such as Entra ID.
     *
     * @throws IllegalArgumentException when the settings can't be read
     */
    default Optional<Servers> servers(SourceSettings settings) {
        return Optional.empty();
    }

    /**
     * A source's servers and transport security.
     *
     * @param tls how it protects the connection, such as {@code ldaps}, {@code starttls} or {@code none}
     */
    record Servers(List<String> urls, String tls) {
        public Servers {
            urls = List.copyOf(urls);
        }
    }
}
