package org.roster.store;

import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import org.roster.records.StoredSource;
import org.roster.records.StoredSources;

/**
 * {@link StoredSources} in the {@code directory_source} table: settings as a JSON object, secrets
 * as the one sealed value they were handed in as.
 *
 * <pre>{@code
 * StoredSources stored = new JpaStoredSources(em);
 * }</pre>
 */
public final class JpaStoredSources implements StoredSources {

    private final EntityManager em;

    public JpaStoredSources(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<StoredSource> all() {
        return em.createQuery("select s from SourceEntity s", SourceEntity.class).getResultList().stream()
                .map(JpaStoredSources::stored).toList();
    }

    @Override
    public Optional<StoredSource> find(String id) {
        return Optional.ofNullable(em.find(SourceEntity.class, id)).map(JpaStoredSources::stored);
    }

    @Override
    public void add(StoredSource source, String actor, Instant at) {
        SourceEntity row = new SourceEntity(source.id(), at);
        set(row, source, actor, at);
        em.persist(row);
    }

    @Override
    public void replace(StoredSource source, String actor, Instant at) {
        set(em.find(SourceEntity.class, source.id()), source, actor, at);
    }

    @Override
    public void remove(String id) {
        em.remove(em.find(SourceEntity.class, id));
    }

    private static void set(SourceEntity row, StoredSource source, String actor, Instant at) {
        row.set(source.kind(), source.name(), source.precedence(), source.enabled(), json(source.settings()),
                source.sealedSecrets().orElse(null), actor, at);
    }

    private static StoredSource stored(SourceEntity row) {
        Map<String, String> settings = new HashMap<>();
        try (JsonReader reader = Json.createReader(new StringReader(row.getSettings()))) {
            reader.readObject().forEach((k, v) -> settings.put(k, ((JsonString) v).getString()));
        }
        return new StoredSource(row.getId(), row.getKind(), row.getDisplayName(), row.getPrecedence(),
                row.isEnabled(), settings, Optional.ofNullable(row.getSecrets()));
    }

    private static String json(Map<String, String> settings) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        new TreeMap<>(settings).forEach(json::add);
        return json.build().toString();
    }
}
