package org.roster.store;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.roster.records.AppPasswordRecords;

/**
 * The app passwords ({@code app_password}), in the caller's transaction.
 *
 * <pre>{@code
 * AppPasswordRecords records = new JpaAppPasswordRecords(em);
 * }</pre>
 */
public final class JpaAppPasswordRecords implements AppPasswordRecords {

    private final EntityManager em;

    public JpaAppPasswordRecords(EntityManager em) {
        this.em = em;
    }

    @Override
    public long count(String employeeId) {
        return em.createQuery("select count(p) from AppPasswordEntity p where p.employeeId = :id", Long.class)
                .setParameter("id", employeeId).getSingleResult();
    }

    @Override
    public Stored add(String employeeId, String label, String lookup, Instant at) {
        AppPasswordEntity row = new AppPasswordEntity(employeeId, label, lookup, at);
        em.persist(row);
        // the id comes from the database's sequence: the caller names the password by it
        em.flush();
        return stored(row);
    }

    @Override
    public List<Stored> of(String employeeId) {
        return em.createQuery("select p from AppPasswordEntity p where p.employeeId = :id order by p.id",
                        AppPasswordEntity.class)
                .setParameter("id", employeeId).getResultList().stream().map(JpaAppPasswordRecords::stored).toList();
    }

    @Override
    public boolean delete(String employeeId, long id) {
        return em.createQuery("delete from AppPasswordEntity p where p.id = :id and p.employeeId = :employee")
                .setParameter("id", id).setParameter("employee", employeeId).executeUpdate() > 0;
    }

    @Override
    public List<Stored> candidates(String employeeId, String lookup) {
        return em.createQuery("select p from AppPasswordEntity p "
                        + "where p.employeeId = :id and (p.lookup = :lookup or p.lookup is null)", AppPasswordEntity.class)
                .setParameter("id", employeeId).setParameter("lookup", lookup).getResultList().stream()
                .map(JpaAppPasswordRecords::stored).toList();
    }

    @Override
    public void used(long id, Instant at, String upgradeTo) {
        AppPasswordEntity row = em.find(AppPasswordEntity.class, id);
        if (row != null) {
            row.used(at);
            if (upgradeTo != null) {
                row.upgraded(upgradeTo);
            }
        }
    }

    private static Stored stored(AppPasswordEntity p) {
        return new Stored(p.getId(), p.getEmployeeId(), p.getLabel(), p.getLookup(), p.getHash(), p.getCreatedAt(),
                p.getLastUsedAt());
    }
}
