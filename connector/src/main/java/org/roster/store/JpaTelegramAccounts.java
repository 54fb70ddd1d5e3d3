package org.roster.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.TelegramAccounts;

/**
 * The linked Telegram accounts ({@code telegram_account}) and what goes with them, in the caller's
 * transaction.
 *
 * <pre>{@code
 * TelegramAccounts accounts = new JpaTelegramAccounts(em);
 * }</pre>
 */
public final class JpaTelegramAccounts implements TelegramAccounts {

    private final EntityManager em;

    public JpaTelegramAccounts(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Account> account(String employeeId) {
        return Optional.ofNullable(em.find(TelegramAccountEntity.class, employeeId))
                .map(a -> new Account(a.getEmployeeId(), a.getSessionKey(), a.getStatus(), a.getLinkedAt()));
    }

    @Override
    public void add(String employeeId, String sealedSessionKey, Instant at) {
        em.persist(new TelegramAccountEntity(employeeId, sealedSessionKey, at));
    }

    @Override
    public String status(String employeeId, String status, Instant at) {
        TelegramAccountEntity row = em.find(TelegramAccountEntity.class, employeeId);
        String before = row.getStatus();
        row.status(status, at);
        return before;
    }

    @Override
    public void forgetDeliveries(String viewerId) {
        em.createQuery("delete from DeliveredContactEntity d where d.viewerId = :id")
                .setParameter("id", viewerId).executeUpdate();
        em.createQuery("delete from ViewerDigestEntity v where v.viewerId = :id")
                .setParameter("id", viewerId).executeUpdate();
    }

    @Override
    public void forget(String employeeId) {
        em.createQuery("delete from TelegramContactEntity c where c.viewerId = :id").setParameter("id", employeeId)
                .executeUpdate();
        em.createQuery("delete from TelegramKeyEntity k where k.viewerId = :id").setParameter("id", employeeId)
                .executeUpdate();
        em.remove(em.find(TelegramAccountEntity.class, employeeId));
    }

    @Override
    public List<Departed> departed(String unlinkingStatus) {
        List<Object[]> rows = em.createQuery("select a.employeeId, a.status, e.status "
                        + "from TelegramAccountEntity a left join EmployeeEntity e on e.id = a.employeeId "
                        + "where a.status = :unlinking or e.id is null or e.status = :gone or (e.inScope = false and "
                        + "exists (select s from SelfServiceEntity s where s.employeeId = a.employeeId and s.optedOut = true)) "
                        + "order by a.employeeId", Object[].class)
                .setParameter("unlinking", unlinkingStatus).setParameter("gone", EmployeeEntity.Status.GONE)
                .getResultList();
        return rows.stream().map(row -> new Departed((String) row[0], unlinkingStatus.equals(row[1]),
                row[2] == null || row[2] == EmployeeEntity.Status.GONE)).toList();
    }

    @Override
    public Instant runStartedAt(long runId) {
        return em.find(RunEntity.class, runId).getStartedAt();
    }
}
