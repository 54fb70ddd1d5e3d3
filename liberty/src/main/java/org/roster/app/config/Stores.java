package org.roster.app.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.records.SealedDigestKeys;
import org.roster.records.SealedValues;
import org.roster.records.SignInIdentities;
import org.roster.records.StoredSources;
import org.roster.store.JpaSealedDigestKeys;
import org.roster.store.JpaSealedValues;
import org.roster.store.JpaSignInIdentities;
import org.roster.store.JpaStoredSources;

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

    // Employees, their contacts and self-service; Telegram accounts, address books, app passwords.

    // Policies and the audit trail.

    // Sources, keys and sign-in.

    @Produces
    StoredSources storedSources() {
        return new JpaStoredSources(em);
    }

    @Produces
    SealedValues sealedValues() {
        return new JpaSealedValues(em);
    }

    @Produces
    SealedDigestKeys sealedDigestKeys() {
        return new JpaSealedDigestKeys(em);
    }

    @Produces
    SignInIdentities signInIdentities() {
        return new JpaSignInIdentities(em);
    }
}
