package org.roster.app.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.roster.app.policies.ForSimulation;
import org.roster.platform.carddav.AddressBook;
import org.roster.records.AppPasswordRecords;
import org.roster.records.AuditLogs;
import org.roster.records.AuditRecords;
import org.roster.records.DeliveredContacts;
import org.roster.records.EmployeeRecords;
import org.roster.records.PolicyVersions;
import org.roster.records.RunReports;
import org.roster.records.Runs;
import org.roster.records.Schedules;
import org.roster.records.SealedDigestKeys;
import org.roster.records.SealedValues;
import org.roster.records.SelfServiceChoices;
import org.roster.records.SignInIdentities;
import org.roster.records.StoredSources;
import org.roster.records.TelegramAccounts;
import org.roster.records.TelegramLedgers;
import org.roster.store.JpaAddressBook;
import org.roster.store.JpaAnchoring;
import org.roster.store.JpaAppPasswordRecords;
import org.roster.store.JpaAuditKeyRotation;
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
import org.roster.store.JpaSealedDigestKeys;
import org.roster.store.JpaSealedValues;
import org.roster.store.JpaSelfServiceChoices;
import org.roster.store.JpaSignInIdentities;
import org.roster.store.JpaStateStore;
import org.roster.store.JpaStoredSources;
import org.roster.store.JpaTelegramAccounts;
import org.roster.store.JpaTelegramLedger;
import org.roster.sync.StateStore;

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

    /** Reads in the caller's transaction; walking to managers and the cap's positions take their own. */
    @Produces
    EmployeeRecords employeeRecords() {
        return new JpaEmployeeRecords(em, ownTransactions, Clock.systemUTC());
    }

    @Produces
    DeliveredContacts deliveredContacts() {
        return new JpaDeliveredContacts(em);
    }

    @Produces
    SelfServiceChoices selfServiceChoices() {
        return new JpaSelfServiceChoices(em);
    }

    @Produces
    AppPasswordRecords appPasswordRecords() {
        return new JpaAppPasswordRecords(em);
    }

    @Produces
    TelegramAccounts telegramAccounts() {
        return new JpaTelegramAccounts(em);
    }

    /** Each ledger records in transactions of its own, as deliveries to Telegram are made one by one. */
    @Produces
    TelegramLedgers telegramLedgers() {
        return numberDigest -> new JpaTelegramLedger(em, ownTransactions, Clock.systemUTC(), numberDigest);
    }

    /** Each read of an address book in a transaction of its own: the servlet runs in none. */
    @Produces
    AddressBook addressBook() {
        return new JpaAddressBook(em, ownTransactions);
    }

    // Policies and the audit trail.

    @Produces
    PolicyVersions policyVersions() {
        return new JpaPolicyVersions(em);
    }

    @Produces
    @ForSimulation
    StateStore simulatedStore() {
        // a simulation reads the directory as the last run stored it, each read committing on its own
        return new JpaStateStore(em, ownTransactions, Clock.systemUTC());
    }

    @Produces
    AuditRecords auditRecords() {
        return new JpaAuditRecords(em);
    }

    @Produces
    AuditLogs auditLogs() {
        return new JpaAuditLogs(em, ownTransactions, callersTransaction, Clock.systemUTC());
    }

    @Produces
    JpaAnchoring auditAnchoring() {
        return new JpaAnchoring(em, ownTransactions);
    }

    @Produces
    JpaAuditSealing auditSealing() {
        return new JpaAuditSealing(em, ownTransactions);
    }

    @Produces
    JpaAuditKeyRotation auditKeyRotation() {
        return new JpaAuditKeyRotation(em, ownTransactions);
    }

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
