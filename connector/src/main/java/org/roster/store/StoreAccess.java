package org.roster.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * What the roles of one {@link JpaStateStore} share: the entity manager, the clock, transactions
 * that the calls made inside {@link #together} join, and JDBC work on the transaction's own
 * connection for what the persistence provider does poorly (streaming a whole table, set-based
 * statements with array parameters).
 */
final class StoreAccess {

    /**
     * Put before a statement of a transaction whose commit need not wait for the disk: the
     * driver sends both in one round trip. The write-ahead log is written in order, so the next
     * commit that waits makes this one durable with it, and a crash of the database loses a tail
     * of such commits, never one without those before it. Every commit an effect outside the
     * database depends on waits: the outbox written by a plan, the delivered state, the end of a
     * run and the watermark it leaves. Whatever of a run's reading, deciding and bookkeeping a
     * crash loses, the run fails and the next run reads and plans it again.
     */
    static final String UNHURRIED = "set local synchronous_commit = off; ";

    /**
     * The viewer-digest row that holds the basis of the last complete plan; no employee has an empty
     * id, so it is nobody's digest.
     */
    static final String PLAN_BASIS = "";

    final EntityManager em;
    final Clock clock;
    /** A transaction per call, unless the call is made in {@link #together}. */
    final Transactions tx;
    /** The transactions {@link #together} runs its work in. */
    private final Transactions units;
    /** Whether this thread's calls are made in the work of {@link #together}, in its transaction. */
    private final ThreadLocal<Boolean> joined = ThreadLocal.withInitial(() -> false);

    StoreAccess(EntityManager em, Transactions units, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.units = units;
        this.tx = new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return joined.get() ? work.get() : units.inTransaction(work);
            }
        };
    }

    /** The calls the work makes on this thread share one transaction: one commit for all. */
    <T> T together(Supplier<T> work) {
        if (joined.get()) {
            return work.get();
        }
        return units.inTransaction(() -> {
            joined.set(true);
            try {
                return work.get();
            } finally {
                joined.set(false);
            }
        });
    }

    /** Work on the transaction's own JDBC connection. */
    @FunctionalInterface
    interface Jdbc<T> {
        T on(Connection connection) throws SQLException;
    }

    /**
     * Runs JDBC work on the connection of the current transaction.
     *
     * @param what what the work does, for the error: {@code "reading the rejected reads"}
     */
    <T> T jdbc(String what, Jdbc<T> work) {
        try {
            return work.on(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException(what + " failed", e);
        }
    }

    /** The store's clock now, as a timestamp column takes it. */
    OffsetDateTime now() {
        return timestamp(clock.instant());
    }

    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Text values as one SQL array parameter. */
    static Array texts(Connection connection, Collection<String> values) throws SQLException {
        return texts(connection, values.toArray(String[]::new));
    }

    static Array texts(Connection connection, String[] values) throws SQLException {
        return connection.createArrayOf("varchar", values);
    }

    /**
     * The rows of a query of two text columns, the first one unique, as a map; the query's one
     * parameter is the array of {@code ids}.
     */
    Map<String, String> pairsOf(String what, String sql, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tx.inTransaction(() -> jdbc(what, connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setArray(1, texts(connection, ids));
                return pairs(query);
            }
        }));
    }

    /** The rows of a query of two text columns, the first one unique, as a map. */
    static Map<String, String> pairs(PreparedStatement query) throws SQLException {
        Map<String, String> found = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.put(rows.getString(1), rows.getString(2));
            }
        }
        return found;
    }

    /** Drops the digests of these viewers (or of the plan, {@link #PLAN_BASIS}). */
    static void dropDigests(Connection connection, Collection<String> viewerIds) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from viewer_digest where viewer_id = any (?)")) {
            delete.setArray(1, texts(connection, viewerIds));
            delete.executeUpdate();
        }
    }

    /** What the last complete plan was made from has changed: the next run plans every viewer. */
    void dropPlanBasis() {
        em.createQuery("delete from ViewerDigestEntity d where d.viewerId = :basis")
                .setParameter("basis", PLAN_BASIS).executeUpdate();
    }

    /** Keyset paging: each page is its own short transaction, so no page stays open across callbacks. */
    <T> void pages(int pageSize, Function<String, List<T>> page, Function<T, String> key, Consumer<T> consumer) {
        String after = "";
        while (true) {
            String from = after;
            List<T> rows = tx.inTransaction(() -> page.apply(from));
            rows.forEach(consumer);
            if (rows.size() < pageSize) {
                return;
            }
            after = key.apply(rows.get(rows.size() - 1));
        }
    }
}
