package org.roster.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.PolicyVersion;
import org.roster.records.PolicyVersions;

/**
 * The {@link PolicyVersions} on Jakarta Persistence. It opens no transaction of its own: reads and
 * changes join the caller's, through the entity manager it is given.
 *
 * <pre>{@code
 * PolicyVersions versions = new JpaPolicyVersions(entityManager);
 * }</pre>
 */
public final class JpaPolicyVersions implements PolicyVersions {

    private final EntityManager em;

    public JpaPolicyVersions(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<PolicyVersion> newestFirst(int limit) {
        return em.createQuery("select p from PolicyVersionEntity p order by p.id desc", PolicyVersionEntity.class)
                .setMaxResults(limit).getResultList().stream().map(JpaPolicyVersions::of).toList();
    }

    @Override
    public Optional<PolicyVersion> find(long id) {
        return Optional.ofNullable(em.find(PolicyVersionEntity.class, id)).map(JpaPolicyVersions::of);
    }

    @Override
    public Optional<PolicyVersion> active() {
        return em.createQuery("select p from PolicyVersionEntity p where p.status = :published "
                        + "order by p.id desc", PolicyVersionEntity.class)
                .setParameter("published", PolicyVersionEntity.Status.PUBLISHED).setMaxResults(1).getResultList()
                .stream().findFirst().map(JpaPolicyVersions::of);
    }

    @Override
    public PolicyVersion draft(String name, String text, String author, Instant at, String note) {
        PolicyVersionEntity created = new PolicyVersionEntity(name, text, author, at, note);
        em.persist(created);
        em.flush();
        return of(created);
    }

    @Override
    public PolicyVersion approve(long id, String approver, Instant at) {
        PolicyVersionEntity version = existing(id);
        version.approve(approver, at);
        return of(version);
    }

    @Override
    public void supersedePublished() {
        em.createQuery("select p from PolicyVersionEntity p where p.status = :published", PolicyVersionEntity.class)
                .setParameter("published", PolicyVersionEntity.Status.PUBLISHED).getResultList()
                .forEach(PolicyVersionEntity::supersede);
    }

    @Override
    public PolicyVersion publish(long id, String publisher, Instant at) {
        PolicyVersionEntity version = existing(id);
        version.publish(publisher, at);
        return of(version);
    }

    private PolicyVersionEntity existing(long id) {
        PolicyVersionEntity version = em.find(PolicyVersionEntity.class, id);
        if (version == null) {
            throw new IllegalArgumentException("there is no policy version " + id);
        }
        return version;
    }

    private static PolicyVersion of(PolicyVersionEntity p) {
        return new PolicyVersion(p.getId(), p.getName(), p.getText(), PolicyVersion.Status.valueOf(p.getStatus().name()),
                p.getAuthor(), p.getCreatedAt(), p.getApprovedBy(), p.getApprovedAt(), p.getPublishedBy(),
                p.getPublishedAt(), p.getNote());
    }
}
