package io.callbook.webhook.voice.infra;

import io.callbook.common.cache.OutageLog;
import io.callbook.webhook.voice.domain.UnconfirmedBookings;
import io.callbook.webhook.voice.domain.VoiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * One Redis key per unanswered booking, kept as long as a call could still ask again. Both are asked only on the way
 * to a fallback, where the caller already waits: each gives up after {@link #WAIT}. A Redis that cannot answer leaves
 * every such booking in doubt, which is the safe side (the agent asks again, and the same arguments book once).
 */
@ApplicationScoped
public class RedisUnconfirmedBookings implements UnconfirmedBookings {

    static final String PREFIX = "callbook:voice:unconfirmed-booking:";
    private static final Duration WAIT = Duration.ofMillis(200);

    private final ReactiveValueCommands<String, String> values;
    private final VoiceConfig config;
    private final OutageLog outageLog = new OutageLog(RedisUnconfirmedBookings.class);

    public RedisUnconfirmedBookings(ReactiveRedisDataSource redis, VoiceConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    @Override
    public void remember(String idempotencyKey) {
        try {
            values.setex(PREFIX + idempotencyKey, config.unconfirmedBookingMemory().toSeconds(), "1")
                    .await().atMost(WAIT);
        } catch (RuntimeException e) {
            outageLog.warn("An unanswered voice booking could not be noted (Redis: %s); a later attempt of it that finds "
                    + "the circuit open will not know of it", e.toString());
        }
    }

    @Override
    public boolean mayExist(String idempotencyKey) {
        try {
            return values.get(PREFIX + idempotencyKey).await().atMost(WAIT) != null;
        } catch (RuntimeException e) {
            outageLog.warn("Whether a voice booking went unanswered before is unknown (Redis: %s)", e.toString());
            return true;
        }
    }
}
