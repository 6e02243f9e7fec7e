package io.callbook.webhook.voice.infra;

import io.callbook.common.cache.OutageLog;
import io.callbook.webhook.voice.domain.UnansweredAttempts;
import io.callbook.webhook.voice.domain.VoiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Optional;

/**
 * One Redis key per unanswered attempt, kept as long as a call could still ask again. The caller is on the line for
 * every one of these, so each gives up after {@link #WAIT} rather than common's Redis time-out of seconds.
 */
@ApplicationScoped
public class RedisUnansweredAttempts implements UnansweredAttempts {

    static final String PREFIX = "callbook:voice:unanswered:";
    private static final Duration WAIT = Duration.ofMillis(200);

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveKeyCommands<String> keys;
    private final VoiceConfig config;
    private final OutageLog outageLog = new OutageLog(RedisUnansweredAttempts.class);

    public RedisUnansweredAttempts(ReactiveRedisDataSource redis, VoiceConfig config) {
        this.values = redis.value(String.class);
        this.keys = redis.key(String.class);
        this.config = config;
    }

    @Override
    public void note(String attemptKey, String what) {
        try {
            values.setex(PREFIX + attemptKey, config.unansweredAttemptMemory().toSeconds(), what).await().atMost(WAIT);
        } catch (RuntimeException e) {
            outageLog.warn("A voice function's attempt could not be noted (Redis: %s); its next attempt will not know "
                    + "of it", e.toString());
        }
    }

    @Override
    public Optional<String> noted(String attemptKey) {
        try {
            return Optional.ofNullable(values.get(PREFIX + attemptKey).await().atMost(WAIT));
        } catch (RuntimeException e) {
            outageLog.warn("Whether a voice function's earlier attempt went unanswered is unknown (Redis: %s)",
                    e.toString());
            throw new AttemptsUnknown(e);
        }
    }

    @Override
    public void forget(String attemptKey) {
        try {
            keys.del(PREFIX + attemptKey).await().atMost(WAIT);
        } catch (RuntimeException e) {
            outageLog.warn("An answered voice function's note could not be dropped (Redis: %s)", e.toString());
        }
    }
}
