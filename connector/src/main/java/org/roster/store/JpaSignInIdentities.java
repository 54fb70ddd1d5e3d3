package org.roster.store;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.SignInIdentities;

/**
 * {@link SignInIdentities} in the {@code employee} table.
 *
 * <pre>{@code
 * SignInIdentities identities = new JpaSignInIdentities(em);
 * }</pre>
 */
public final class JpaSignInIdentities implements SignInIdentities {

    private final EntityManager em;

    public JpaSignInIdentities(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> employeeWithId(String id) {
        return Optional.ofNullable(em.find(EmployeeEntity.class, id)).map(EmployeeEntity::getId);
    }

    @Override
    public List<String> employeesWithMail(String mail, int atMost) {
        return em.createQuery("select e.id from EmployeeEntity e where lower(e.mail) = :mail", String.class)
                .setParameter("mail", mail).setMaxResults(atMost).getResultList();
    }
}
