package org.roster.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.roster.directory.Employee;
import org.roster.directory.Rejection;
import org.roster.policy.Person;
import org.roster.policy.ScopeDecision;

/**
 * The tables the in-memory roles of the {@link InMemoryStateStore} share, as the database adapter's
 * roles share one database; each role locks this object for every call, so a call of one role sees
 * another's writes whole, as a transaction would.
 */
final class InMemoryTables {

    /** One employee row, as the database adapter keeps it. */
    static final class Row {
        Employee employee;
        boolean active;
        Instant goneAt;
        boolean inScope;
        boolean contactAllowed;
        String scopeRule;
        String scopeReason;
        long lastSeenRun;
        String fingerprint;
        String readFingerprint = "";
        /** When the row was last decided and stored, on the tables' {@link #tick}. */
        long decidedAt;
        boolean regionGuessed;
    }

    /** A rejection as stored with its run. */
    record StoredRejection(long runId, Rejection rejection) {
    }

    /** One change in the outbox. */
    static final class Queued {
        final long id;
        final long runId;
        final String viewerId;
        final ContactChange change;
        String state = "PENDING";

        Queued(long id, long runId, String viewerId, ContactChange change) {
            this.id = id;
            this.runId = runId;
            this.viewerId = viewerId;
            this.change = change;
        }
    }

    final NavigableMap<String, Row> employees = new TreeMap<>();
    final NavigableMap<String, NavigableMap<String, ContactCard>> delivered = new TreeMap<>();
    final List<StoredRejection> rejections = new ArrayList<>();
    /** Self-service choices, as the application would have stored them. */
    final Map<String, Person.SelfService> choices = new TreeMap<>();
    /** When each self-service choice was made, on {@link #tick}. */
    final Map<String, Long> chosenAt = new TreeMap<>();
    /** Rejected reads remembered, by employee id. */
    final Map<String, StoredReads.RejectedRead> rejectedReads = new TreeMap<>();
    final List<Queued> outbox = new ArrayList<>();
    final Map<String, String> digests = new HashMap<>();
    final Map<Long, RunProgress.Stage> savedStages = new TreeMap<>();
    final Map<Long, QualityReport> reports = new TreeMap<>();

    /** The basis of the last complete plan while nothing it was made from has changed. */
    String planBasis;
    /** Orders decisions and self-service choices, as the database's timestamps do. */
    private long tick;
    private long nextChange = 1;

    /** How many employees runs stored anew (not only marked seen). */
    final AtomicLong employeesWritten = new AtomicLong();
    /** How often a viewer's delivered contacts were read: what the digest saves. */
    final AtomicLong deliveredReads = new AtomicLong();
    /** How many rejections were recorded again from what was remembered, without normalising. */
    final AtomicLong rejectedAgain = new AtomicLong();

    /** The next moment on the clock decisions and choices are ordered by. */
    long tick() {
        return ++tick;
    }

    /** The id of the next change queued. */
    long nextChange() {
        return nextChange++;
    }

    /** How many employees receive contacts now. */
    long viewers() {
        return employees.values().stream().filter(r -> r.inScope).count();
    }

    /** The reason kept with a decision that leaves someone out; none for an inclusion. */
    static String reasonOf(ScopeDecision scope) {
        return scope instanceof ScopeDecision.Excluded ex ? ex.reason()
                : scope instanceof ScopeDecision.ViewerOnly only ? only.reason() : null;
    }

    /**
     * Keyset paging, as the database adapter pages: each page is taken (and locked) on its own, so a
     * callback may change the tables.
     */
    static <T> void pages(int pageSize, Function<String, List<T>> page, Function<T, String> key,
                          Consumer<T> consumer) {
        String after = "";
        while (true) {
            List<T> rows = page.apply(after);
            rows.forEach(consumer);
            if (rows.size() < pageSize) {
                return;
            }
            after = key.apply(rows.get(rows.size() - 1));
        }
    }
}
