package org.roster.store;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.roster.directory.Employee;
import org.roster.policy.Policy;
import org.roster.records.EmployeeRecords;
import org.roster.sync.CapPositions;

/**
 * The employees as the last run stored them ({@code employee}, {@code employee_group},
 * {@code rejection}) and the audit records about them, read in the caller's transaction. Walking
 * up to managers and the cap's positions go through the state store, with its own transactions.
 *
 * <pre>{@code
 * EmployeeRecords employees = new JpaEmployeeRecords(em, tx, clock);
 * }</pre>
 */
public final class JpaEmployeeRecords implements EmployeeRecords {

    private final EntityManager em;
    private final JpaStateStore store;

    public JpaEmployeeRecords(EntityManager em, Transactions tx, Clock clock) {
        this.em = em;
        this.store = new JpaStateStore(em, tx, clock);
    }

    @Override
    public Optional<HeldEmployee> employee(String id) {
        return Optional.ofNullable(em.find(EmployeeEntity.class, id)).map(JpaEmployeeRecords::held);
    }

    @Override
    public List<Match> search(String text, int limit) {
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return em.createQuery("select e from EmployeeEntity e where lower(e.id) like :q escape '\\' "
                        + "or lower(e.displayName) like :q escape '\\' or lower(e.givenName) like :q escape '\\' "
                        + "or lower(e.surname) like :q escape '\\' or lower(e.mail) like :q escape '\\' order by e.id",
                        EmployeeEntity.class)
                .setParameter("q", pattern).setMaxResults(limit).getResultList().stream()
                .map(e -> new Match(e.getId(), e.getDisplayName(), e.getGivenName(), e.getSurname(),
                        e.getDepartment(), status(e), e.isInScope()))
                .toList();
    }

    @Override
    public List<Rejection> rejections(String id, int limit) {
        return em.createQuery("select r from RejectionEntity r where r.employeeId = :id order by r.id desc",
                        RejectionEntity.class)
                .setParameter("id", id).setMaxResults(limit).getResultList().stream()
                .map(r -> new Rejection(r.getRunId(), r.getReason())).toList();
    }

    @Override
    public List<AuditRecord> auditAbout(String id, int limit) {
        return em.createQuery("select a from AuditRecordEntity a where a.subject = :subject order by a.id desc",
                        AuditRecordEntity.class)
                .setParameter("subject", "employee:" + id).setMaxResults(limit).getResultList().stream()
                .map(a -> new AuditRecord(a.getId(), a.getAt(), a.getActor(), a.getAction(), a.getSubject(),
                        a.getDetail(), a.getHash()))
                .toList();
    }

    @Override
    public Map<String, Set<String>> groups(List<String> ids) {
        return em.createQuery("select g from EmployeeGroupEntity g where g.employeeId in :ids", EmployeeGroupEntity.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(EmployeeGroupEntity::getEmployeeId,
                        Collectors.mapping(EmployeeGroupEntity::getGroupDn, Collectors.toSet())));
    }

    @Override
    public Optional<Employee> byReference(String reference) {
        return store.byReference(reference);
    }

    @Override
    public CapPositions capPositions(Policy policy) {
        return CapPositions.in(store, policy);
    }

    private static HeldEmployee held(EmployeeEntity e) {
        return new HeldEmployee(e.toEmployee(), status(e), e.isInScope(), e.isContactAllowed(), e.getScopeRule(),
                e.getScopeReason(), e.getLastSeenRun(), e.getUpdatedAt(), e.getGoneAt());
    }

    private static Status status(EmployeeEntity e) {
        return e.getStatus() == EmployeeEntity.Status.GONE ? Status.GONE : Status.ACTIVE;
    }
}
