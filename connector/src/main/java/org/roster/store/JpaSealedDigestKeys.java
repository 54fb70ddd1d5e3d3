package org.roster.store;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.SealedDigestKeys;

/**
 * {@link SealedDigestKeys} in the {@code secret_digest_key} table.
 *
 * <pre>{@code
 * SealedDigestKeys keys = new JpaSealedDigestKeys(em);
 * }</pre>
 */
public final class JpaSealedDigestKeys implements SealedDigestKeys {

    private final EntityManager em;

    public JpaSealedDigestKeys(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> sealed(String purpose) {
        List<?> rows = em.createNativeQuery("select sealed from secret_digest_key where purpose = ?1")
                .setParameter(1, purpose).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    @Override
    public void keepFirst(String purpose, String sealed) {
        // two servers starting together derive the same key: whichever stores first wins
        em.createNativeQuery("insert into secret_digest_key (purpose, sealed, created_at) values (?1, ?2, "
                + "current_timestamp) on conflict (purpose) do nothing").setParameter(1, purpose)
                .setParameter(2, sealed).executeUpdate();
    }
}
