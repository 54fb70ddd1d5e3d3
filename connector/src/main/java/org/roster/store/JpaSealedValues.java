package org.roster.store;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.SealedValues;

/**
 * {@link SealedValues} in the tables that hold them: {@code directory_source.secrets},
 * {@code telegram_account.session_key} and {@code secret_digest_key.sealed}. A value sealed under a
 * key is written {@code v2:<key id>:…} ({@link SecretBox}).
 *
 * <pre>{@code
 * SealedValues sealed = new JpaSealedValues(em);
 * }</pre>
 */
public final class JpaSealedValues implements SealedValues {

    /** Where a holder's values are kept: a table, its key and sealed columns. */
    private record Column(String table, String idColumn, String sealedColumn) {
    }

    private final EntityManager em;

    public JpaSealedValues(EntityManager em) {
        this.em = em;
    }

    private static Column column(Holder holder) {
        return switch (holder) {
            case SOURCE_SECRETS -> new Column("directory_source", "id", "secrets");
            case TELEGRAM_SESSIONS -> new Column("telegram_account", "employee_id", "session_key");
            case DIGEST_KEYS -> new Column("secret_digest_key", "purpose", "sealed");
        };
    }

    @Override
    public List<String> notSealedUnder(Holder holder, String keyId) {
        Column c = column(holder);
        String current = "v2:" + keyId + ":%";
        return em.createNativeQuery("select " + c.idColumn() + " from " + c.table() + " where " + c.sealedColumn()
                        + " is not null and " + c.sealedColumn() + " not like ?1 order by " + c.idColumn())
                .setParameter(1, current).getResultList().stream().map(String.class::cast).toList();
    }

    @Override
    public Optional<String> lock(Holder holder, String id) {
        Column c = column(holder);
        List<?> rows = em.createNativeQuery("select " + c.sealedColumn() + " from " + c.table() + " where "
                + c.idColumn() + " = ?1 for update").setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable((String) rows.get(0));
    }

    @Override
    public boolean replace(Holder holder, String id, String old, String resealed) {
        Column c = column(holder);
        return em.createNativeQuery("update " + c.table() + " set " + c.sealedColumn() + " = ?1 where "
                + c.idColumn() + " = ?2 and " + c.sealedColumn() + " = ?3").setParameter(1, resealed)
                .setParameter(2, id).setParameter(3, old).executeUpdate() == 1;
    }
}
