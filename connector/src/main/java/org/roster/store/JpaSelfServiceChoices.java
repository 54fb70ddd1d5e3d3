package org.roster.store;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.SelfServiceChoices;

/**
 * The employees' self-service choices ({@code self_service}), in the caller's transaction.
 *
 * <pre>{@code
 * SelfServiceChoices choices = new JpaSelfServiceChoices(em);
 * }</pre>
 */
public final class JpaSelfServiceChoices implements SelfServiceChoices {

    private final EntityManager em;

    public JpaSelfServiceChoices(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Choice> choice(String employeeId) {
        return Optional.ofNullable(em.find(SelfServiceEntity.class, employeeId)).map(JpaSelfServiceChoices::choice);
    }

    @Override
    public Choice choose(String employeeId, Boolean optedOut, Boolean optedIn, Instant at) {
        SelfServiceEntity choice = em.find(SelfServiceEntity.class, employeeId);
        if (choice == null) {
            choice = new SelfServiceEntity(employeeId);
            choice.choose(false, false, at);
            em.persist(choice);
        }
        choice.choose(optedOut == null ? choice.isOptedOut() : optedOut, optedIn == null ? choice.isOptedIn() : optedIn,
                at);
        return choice(choice);
    }

    private static Choice choice(SelfServiceEntity e) {
        return new Choice(e.isOptedOut(), e.isOptedIn(), e.getUpdatedAt());
    }
}
