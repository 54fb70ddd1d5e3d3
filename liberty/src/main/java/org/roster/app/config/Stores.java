package org.roster.app.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.records.RunReports;
import org.roster.records.Runs;
import org.roster.records.Schedules;
import org.roster.store.JpaRunReports;
import org.roster.store.JpaRunStores;
import org.roster.store.JpaRuns;
import org.roster.store.JpaSchedules;

/**
 * The one place the application meets the database: it holds the container's entity manager and
 * hands the rest of the application the store's ports built on it. Resources and services read
 * through read models and change through ports; none of them sees an entity or a query.
 *
 * <p>The entity manager is the container's transaction-scoped proxy, so a port produced here joins
 * whatever transaction its caller runs in. Ports are produced per injection point ({@code @Dependent}):
 * they are cheap, stateless wrappers.
 */
@ApplicationScoped
public class Stores {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    @Inject
    TransactionalWork ownTransactions;

    @Inject
    CallersTransaction callersTransaction;

    // Runs, their plans, schedules and approvals.

    @Produces
    Runs runs() {
        return new JpaRuns(em);
    }

    @Produces
    RunReports runReports() {
        return new JpaRunReports(em);
    }

    @Produces
    Schedules schedules() {
        return new JpaSchedules(em);
    }

    /** The stores a run works with; a run's lease is given per call, so a factory is produced. */
    @Produces
    JpaRunStores runStores() {
        return new JpaRunStores(em, ownTransactions, Clock.systemUTC());
    }

    // Employees, their contacts and self-service; Telegram accounts, address books, app passwords.

    // Policies and the audit trail.

    // Sources, keys and sign-in.
}
