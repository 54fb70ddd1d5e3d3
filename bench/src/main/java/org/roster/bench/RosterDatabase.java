package org.roster.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import org.flywaydb.core.Flyway;
import org.roster.audit.CheckpointSigner;
import org.roster.audit.RecordSeal;
import org.roster.store.JpaAnchoring;
import org.roster.store.JpaAppPasswordRecords;
import org.roster.store.JpaAuditKeyRotation;
import org.roster.store.JpaAuditLog;
import org.roster.store.JpaAuditLogs;
import org.roster.store.JpaAuditRecords;
import org.roster.store.JpaAuditSealing;
import org.roster.store.JpaDeliveredContacts;
import org.roster.store.JpaEmployeeRecords;
import org.roster.store.JpaPolicyVersions;
import org.roster.store.JpaRunReports;
import org.roster.store.JpaRunStores;
import org.roster.store.JpaRuns;
import org.roster.store.JpaSchedules;
import org.roster.store.JpaSelfServiceChoices;
import org.roster.store.JpaStateStore;
import org.roster.store.JpaTelegramAccounts;
import org.roster.store.RunEntity;
import org.roster.store.Transactions;

/**
 * Roster's store on one benchmark database: the application's Flyway migrations, its persistence
 * unit on EclipseLink with local transactions, and the JPA state store and audit log over them.
 * Each unit of work gets a fresh persistence context, as the server's transaction-scoped one is.
 */
final class RosterDatabase implements AutoCloseable {

    private final EntityManagerFactory factory;
    private final EntityManager em;
    private final Transactions tx;
    private final Clock clock;
    private final String url;
    final JpaStateStore store;
    final JpaAuditLog audit;

    RosterDatabase(String databaseUrl, Clock clock) {
        // as the server's data source: each statement planned for its own parameters, batched
        // inserts sent as multi-row inserts
        url = databaseUrl + "?options=-c%20plan_cache_mode%3Dforce_custom_plan&reWriteBatchedInserts=true";
        Flyway.configure().dataSource(url, BenchPostgres.USER, BenchPostgres.PASSWORD)
                .locations("classpath:db/migration").load().migrate();
        factory = Persistence.createEntityManagerFactory("roster", Map.of(
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", BenchPostgres.USER,
                "jakarta.persistence.jdbc.password", BenchPostgres.PASSWORD,
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "eclipselink.weaving", "false"));
        em = factory.createEntityManager();
        this.clock = clock;
        tx = new LocalTransactions(em);
        store = new JpaStateStore(em, tx, clock);
        audit = new JpaAuditLog(em, tx, CheckpointSigner.withKey(new byte[32]), RecordSeal.withAuditKey(new byte[32]),
                clock);
    }

    /** Records a run as the application does, so its progress is saved as the application saves it. */
    long startRun(String policyName) {
        return tx.inTransaction(() -> {
            RunEntity run = new RunEntity("bench", false, policyName, "recorded", clock.instant());
            em.persist(run);
            em.flush();
            return run.getId();
        });
    }

    void finishRun(long runId, boolean complete) {
        tx.inTransaction(() -> em.find(RunEntity.class, runId).finish(
                complete ? RunEntity.Status.COMPLETED : RunEntity.Status.INCOMPLETE, complete, null, clock.instant()));
    }

    /**
     * Vacuums and analyses the whole database, as autovacuum does some minutes after a large load:
     * a steady state is measured on a database that has settled, not on one still busy with the
     * first sync's million new row versions on the same cores.
     */
    void settle() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, BenchPostgres.USER,
                BenchPostgres.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze)");
        }
    }

    /** Sealing of a trail written before records carried seals, on this database. */
    JpaAuditSealing auditSealing() {
        return new JpaAuditSealing(em, tx);
    }

    /** Anchoring of the audit trail's end, on this database. */
    /** The trail as a server holding these audit keys sees it, the first sealing. */
    JpaAuditLog auditWith(String current, Map<String, byte[]> keys) {
        return new JpaAuditLog(em, tx, CheckpointSigner.withKeys(current, keys), RecordSeal.withAuditKeys(current, keys),
                clock);
    }

    JpaAuditKeyRotation auditKeyRotation() {
        return new JpaAuditKeyRotation(em, tx);
    }

    JpaAnchoring auditAnchoring() {
        return new JpaAnchoring(em, tx);
    }

    /** The policy versions, reading outside a transaction and changing in the caller's ({@link #inTransaction}). */
    JpaPolicyVersions policyVersions() {
        return new JpaPolicyVersions(em);
    }

    /** The audit trail's records as its readers query and export them. */
    JpaAuditRecords auditRecords() {
        return new JpaAuditRecords(em);
    }

    /** The audit trail's logs; on this database the caller's transaction is {@link #inTransaction}'s. */
    JpaAuditLogs auditLogs() {
        return new JpaAuditLogs(em, tx, tx, clock);
    }

    /** The employees' read model on this database; it reads in the caller's unit of work ({@link #inTransaction}). */
    JpaEmployeeRecords employeeRecords() {
        return new JpaEmployeeRecords(em, tx, clock);
    }

    JpaDeliveredContacts deliveredContacts() {
        return new JpaDeliveredContacts(em);
    }

    JpaSelfServiceChoices selfServiceChoices() {
        return new JpaSelfServiceChoices(em);
    }

    JpaAppPasswordRecords appPasswordRecords() {
        return new JpaAppPasswordRecords(em);
    }

    JpaTelegramAccounts telegramAccounts() {
        return new JpaTelegramAccounts(em);
    }

    /** The runs as recorded, on this database, in the caller's unit of work. */
    JpaRuns runs() {
        return new JpaRuns(em);
    }

    /** What the runs did, as the Runs page reads it, on this database. */
    JpaRunReports runReports() {
        return new JpaRunReports(em);
    }

    /** The sources' schedules, on this database, in the caller's unit of work. */
    JpaSchedules schedules() {
        return new JpaSchedules(em);
    }

    /** The stores a run works with, on this database. */
    JpaRunStores runStores() {
        return new JpaRunStores(em, tx, clock);
    }

    /** Work in one local transaction, as the application's own units of work are. */
    <T> T inTransaction(Supplier<T> work) {
        return tx.inTransaction(work);
    }

    /** The persistence context and its transactions, for a port a test builds on this database. */
    EntityManager entityManager() {
        return em;
    }

    Transactions transactions() {
        return tx;
    }

    /** Rows in a table, to state what a phase wrote. */
    long count(String table) {
        return tx.inTransaction(() -> ((Number) em.createNativeQuery("select count(*) from " + table)
                .getSingleResult()).longValue());
    }

    /** Local transactions on one entity manager; a unit of work inside another joins it. */
    private record LocalTransactions(EntityManager em) implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            EntityTransaction transaction = em.getTransaction();
            if (transaction.isActive()) {
                return work.get();
            }
            transaction.begin();
            try {
                T result = work.get();
                transaction.commit();
                return result;
            } catch (RuntimeException e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                throw e;
            } finally {
                em.clear();
            }
        }
    }

    @Override
    public void close() {
        em.close();
        factory.close();
    }
}
