package org.roster.store;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import org.roster.records.RunRecord;
import org.roster.records.RunReports;

/**
 * The {@link RunReports} on PostgreSQL, in the caller's transaction (or none: they only read).
 *
 * <pre>{@code
 * RunReports reports = new JpaRunReports(entityManager);
 * }</pre>
 */
public final class JpaRunReports implements RunReports {

    private final EntityManager em;

    public JpaRunReports(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<RunRecord> latest(int limit) {
        return em.createQuery("select r from RunEntity r order by r.id desc", RunEntity.class)
                .setMaxResults(limit).getResultList().stream().map(JpaRuns::record).toList();
    }

    @Override
    public List<Rejected> rejections(long runId, int offset, int limit) {
        return em.createQuery("select r from RejectionEntity r where r.runId = :run order by r.id",
                        RejectionEntity.class)
                .setParameter("run", runId).setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> new Rejected(r.getReference(), r.getEmployeeId(), r.getReason())).toList();
    }

    @Override
    public List<Excluded> excluded(long runId, Optional<String> rule, int offset, int limit) {
        // an employee read again unchanged is not rewritten, so their last seen run is the one that
        // last decided about them
        var query = em.createQuery("select e from EmployeeEntity e where e.lastSeenRun <= :run "
                        + "and e.status = :active and e.contactAllowed = false"
                        + (rule.isEmpty() ? "" : " and e.scopeRule = :rule")
                        + " order by e.id", EmployeeEntity.class)
                .setParameter("run", runId).setParameter("active", EmployeeEntity.Status.ACTIVE);
        rule.ifPresent(r -> query.setParameter("rule", r));
        return query.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(e -> new Excluded(e.getId(), e.isInScope(), e.getScopeRule(), e.getScopeReason())).toList();
    }

    @Override
    public Map<String, Long> telegramStates(Instant from, Instant until) {
        Map<String, Long> states = new TreeMap<>();
        em.createQuery("select c.state, count(c) from TelegramContactEntity c where c.at >= :from and c.at <= :until "
                        + "group by c.state", Object[].class).setParameter("from", from)
                .setParameter("until", until).getResultList()
                .forEach(row -> states.put(((String) row[0]).toLowerCase(Locale.ROOT), (Long) row[1]));
        return states;
    }
}
