package org.roster.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import org.roster.records.ScheduleRecord;
import org.roster.records.Schedules;
import org.roster.schedule.Schedule;

/**
 * The {@link Schedules} on PostgreSQL: a due schedule is claimed with {@code FOR UPDATE SKIP LOCKED},
 * so one server fires it and the others pass over it. Works in the caller's transaction.
 *
 * <pre>{@code
 * Schedules schedules = new JpaSchedules(entityManager);
 * }</pre>
 */
public final class JpaSchedules implements Schedules {

    private final EntityManager em;

    public JpaSchedules(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<ScheduleRecord> all() {
        return em.createQuery("select s from ScheduleEntity s order by s.sourceId", ScheduleEntity.class)
                .getResultList().stream().map(JpaSchedules::record).toList();
    }

    @Override
    public Optional<ScheduleRecord> find(String source) {
        return Optional.ofNullable(em.find(ScheduleEntity.class, source)).map(JpaSchedules::record);
    }

    @Override
    public boolean seed(String source, Schedule schedule, ZoneId zone, String actor, Instant at) {
        if (em.find(ScheduleEntity.class, source) != null) {
            return false;
        }
        ScheduleEntity seeded = new ScheduleEntity(source);
        seeded.set(schedule, zone, actor, at);
        em.persist(seeded);
        return true;
    }

    @Override
    public ScheduleRecord set(String source, Schedule schedule, ZoneId zone, String actor, Instant at) {
        ScheduleEntity found = em.find(ScheduleEntity.class, source);
        if (found == null) {
            found = new ScheduleEntity(source);
            found.set(schedule, zone, actor, at);
            em.persist(found);
        } else {
            found.set(schedule, zone, actor, at);
        }
        return record(found);
    }

    @Override
    public Optional<ScheduleRecord> disable(String source, String actor, Instant at) {
        ScheduleEntity found = em.find(ScheduleEntity.class, source);
        if (found == null) {
            return Optional.empty();
        }
        found.disable(actor, at);
        return Optional.of(record(found));
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> due(Instant now) {
        return em.createNativeQuery("select source_id from schedule where enabled and next_fire_at <= ?1")
                .setParameter(1, sqlTime(now)).getResultList();
    }

    @Override
    public Optional<Instant> claimDue(String source, Instant now) {
        List<?> claimed = em.createNativeQuery("select source_id from schedule where source_id = ?1 and enabled "
                + "and next_fire_at <= ?2 for update skip locked").setParameter(1, source).setParameter(2, sqlTime(now))
                .getResultList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ScheduleEntity schedule = em.find(ScheduleEntity.class, source);
        em.refresh(schedule);
        return Optional.of(schedule.getNextFireAt());
    }

    @Override
    public ScheduleRecord fired(String source, Instant fireTime, long runId, Instant now) {
        ScheduleEntity schedule = em.find(ScheduleEntity.class, source);
        schedule.fired(fireTime, runId, now);
        return record(schedule);
    }

    /** An instant as the PostgreSQL driver takes it in a native query. */
    private static OffsetDateTime sqlTime(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static ScheduleRecord record(ScheduleEntity s) {
        return new ScheduleRecord(s.getSourceId(), s.getKind(), s.getExpression(), s.getZone(), s.isEnabled(),
                s.getNextFireAt(), s.getLastFiredAt(), s.getLastRunId(), s.getUpdatedBy(), s.getUpdatedAt());
    }
}
