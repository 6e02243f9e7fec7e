package io.callbook.common.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;

/** Forgets handled event ids after {@link RetentionConfig#processedEvents()}; the same period for every tenant. */
@ApplicationScoped
public class ProcessedEventsRetention implements PurgeTask {

    private final EntityManager entityManager;
    private final RetentionConfig config;

    public ProcessedEventsRetention(EntityManager entityManager, RetentionConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public String table() {
        return "processed_events";
    }

    @Override
    public int purgeBatch(int limit) {
        return entityManager.createNativeQuery("""
                        delete from processed_events where (consumer, event_id) in (
                            select consumer, event_id from processed_events
                            where processed_at < :cutoff
                            order by processed_at limit :limit
                            for update skip locked)""")
                .setParameter("cutoff", Timestamp.from(Instant.now().minus(config.processedEvents())))
                .setParameter("limit", limit)
                .executeUpdate();
    }
}
