package org.roster.source.graph;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.roster.policy.PersonField;
import org.roster.source.Secret;

/**
 * How to read employees from Microsoft Entra ID through Microsoft Graph: the tenant and the app
 * registration that reads it (client credentials), which Graph user properties become which
 * fields, and optionally the groups whose (transitive) members are the employees.
 *
 * <pre>{@code
 * GraphSourceConfig config = GraphSourceConfig.of("contoso.onmicrosoft.com", clientId, Secret.of(secret))
 *         .inGroups(List.of("5c7a…"));
 * }</pre>
 *
 * @param tenantId      the directory (tenant) id or domain
 * @param clientId      the application (client) id of the app registration
 * @param clientSecret  its client secret
 * @param authorityHost where tokens come from
 * @param graphUrl      Graph's v1.0 endpoint
 * @param mapping       Roster field to Graph user property
 * @param groupIds      read only members (transitive) of these groups; empty reads every user
 * @param pageSize      users per page ({@code $top}, at most 999)
 * @param maxRetries    how often a throttled (429/503) request is retried, honouring Retry-After
 * @param trustStore    a trust store for the TLS certificates of both hosts; empty for the JVM's
 * @param trustStorePassword its password
 */
public record GraphSourceConfig(String tenantId, String clientId, Secret clientSecret, URI authorityHost, URI graphUrl,
                                Map<PersonField, String> mapping, List<String> groupIds, int pageSize, int maxRetries,
                                Optional<Path> trustStore, Secret trustStorePassword) {

    public static final URI PUBLIC_AUTHORITY = URI.create("https://login.microsoftonline.com");
    public static final URI PUBLIC_GRAPH = URI.create("https://graph.microsoft.com/v1.0");

    /** Graph's user properties for Roster's fields. */
    public static final Map<PersonField, String> DEFAULT_MAPPING = defaultMapping();

    public GraphSourceConfig {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(graphUrl, "graphUrl");
        mapping = Map.copyOf(mapping);
        groupIds = List.copyOf(groupIds);
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        if (tenantId.isBlank() || clientId.isBlank()) {
            throw new IllegalArgumentException("an Entra ID source needs a tenant id and a client id");
        }
        if (pageSize < 1 || pageSize > 999) {
            throw new IllegalArgumentException("Graph pages hold 1 to 999 users, not " + pageSize);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("retries of a throttled request must be 0 to 10, not " + maxRetries);
        }
        if (!"https".equals(authorityHost.getScheme()) || !"https".equals(graphUrl.getScheme())) {
            throw new IllegalArgumentException("Entra ID and Graph are reached over https only");
        }
    }

    /** A source for every user of the tenant, with the default mapping, on Microsoft's public cloud. */
    public static GraphSourceConfig of(String tenantId, String clientId, Secret clientSecret) {
        return new GraphSourceConfig(tenantId.strip(), clientId.strip(), clientSecret, PUBLIC_AUTHORITY, PUBLIC_GRAPH,
                DEFAULT_MAPPING, List.of(), 200, 3, Optional.empty(), Secret.none());
    }

    /** The same source, reading only the transitive members of these groups. */
    public GraphSourceConfig inGroups(List<String> groups) {
        return new GraphSourceConfig(tenantId, clientId, clientSecret, authorityHost, graphUrl, mapping, groups,
                pageSize, maxRetries, trustStore, trustStorePassword);
    }

    /** The same source on other hosts (a national cloud, or a local stand-in), trusting this store. */
    public GraphSourceConfig at(URI authority, URI graph, Optional<Path> store, Secret storePassword) {
        return new GraphSourceConfig(tenantId, clientId, clientSecret, authority, graph, mapping, groupIds, pageSize,
                maxRetries, store, storePassword);
    }

    /** The same source, reading only the fields a policy uses. */
    public GraphSourceConfig onlyFields(Set<PersonField> fields) {
        Map<PersonField, String> kept = new EnumMap<>(PersonField.class);
        mapping.forEach((field, property) -> {
            if (fields.contains(field)) {
                kept.put(field, property);
            }
        });
        return new GraphSourceConfig(tenantId, clientId, clientSecret, authorityHost, graphUrl, kept, groupIds,
                pageSize, maxRetries, trustStore, trustStorePassword);
    }

    /** The same source with these page size and retry bounds. */
    public GraphSourceConfig paging(int size, int retries) {
        return new GraphSourceConfig(tenantId, clientId, clientSecret, authorityHost, graphUrl, mapping, groupIds,
                size, retries, trustStore, trustStorePassword);
    }

    /** Exactly the properties to {@code $select}: the identity, the mapped ones, and whether the account is enabled. */
    public String[] selected() {
        Set<String> properties = new LinkedHashSet<>();
        properties.add("id");
        properties.add("userPrincipalName");
        properties.addAll(mapping.values());
        return properties.toArray(String[]::new);
    }

    private static Map<PersonField, String> defaultMapping() {
        Map<PersonField, String> m = new EnumMap<>(PersonField.class);
        m.put(PersonField.GIVEN_NAME, "givenName");
        m.put(PersonField.SURNAME, "surname");
        m.put(PersonField.DISPLAY_NAME, "displayName");
        m.put(PersonField.MOBILE, "mobilePhone");
        m.put(PersonField.WORK_PHONE, "businessPhones");
        m.put(PersonField.MAIL, "mail");
        m.put(PersonField.DEPARTMENT, "department");
        m.put(PersonField.LOCATION, "officeLocation");
        m.put(PersonField.TITLE, "jobTitle");
        m.put(PersonField.EMPLOYEE_TYPE, "employeeType");
        m.put(PersonField.ACCOUNT_DISABLED, "accountEnabled");
        return Map.copyOf(m);
    }

    @Override
    public String toString() {
        return "GraphSourceConfig[tenant=" + tenantId + ", client=" + clientId + ", authority=" + authorityHost
                + ", graph=" + graphUrl + ", groups=" + groupIds + ", pageSize=" + pageSize + "]";
    }
}
