package org.roster.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.roster.records.AuditQuery;
import org.roster.records.AuditRecord;
import org.roster.records.AuditRecords;

/**
 * The {@link AuditRecords} on Jakarta Persistence: queries of the trail's records, in the caller's
 * transaction if there is one.
 *
 * <pre>{@code
 * AuditRecords records = new JpaAuditRecords(entityManager);
 * }</pre>
 */
public final class JpaAuditRecords implements AuditRecords {

    private final EntityManager em;

    public JpaAuditRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<AuditRecord> newestFirst(AuditQuery query, int limit) {
        return select(query, "order by a.id desc").setMaxResults(limit).getResultList().stream()
                .map(AuditRecordEntity::record).toList();
    }

    @Override
    public void forEachOldestFirst(AuditQuery query, int pageSize, Consumer<AuditRecord> record) {
        long after = 0;
        while (true) {
            List<AuditRecordEntity> page = select(query, "and a.id > " + after + " order by a.id")
                    .setMaxResults(pageSize).getResultList();
            for (AuditRecordEntity r : page) {
                record.accept(r.record());
                after = r.getId();
            }
            if (page.size() < pageSize) {
                break;
            }
            em.clear();
        }
    }

    @Override
    public boolean contains(String action, String subject, String detail) {
        return em.createQuery("select count(a) from AuditRecordEntity a where a.subject = "
                        + ":subject and a.action = :action and a.detail = :detail", Long.class)
                .setParameter("subject", subject).setParameter("action", action).setParameter("detail", detail)
                .getSingleResult() > 0;
    }

    private TypedQuery<AuditRecordEntity> select(AuditQuery query, String tail) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        add(where, parameters, "a.actor = :actor", "actor", query.actor());
        add(where, parameters, "a.action = :action", "action", query.action());
        add(where, parameters, "a.subject = :subject", "subject", query.subject());
        add(where, parameters, "a.at >= :from", "from", query.from());
        add(where, parameters, "a.at < :to", "to", query.to());
        add(where, parameters, "a.id < :before", "before", query.before());
        String jpql = "select a from AuditRecordEntity a where 1 = 1" + (where.isEmpty() ? "" : " and "
                + String.join(" and ", where)) + " " + tail;
        TypedQuery<AuditRecordEntity> typed = em.createQuery(jpql, AuditRecordEntity.class);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    private static void add(List<String> where, Map<String, Object> parameters, String clause, String name,
                            Object value) {
        if (value != null) {
            where.add(clause);
            parameters.put(name, value);
        }
    }
}
