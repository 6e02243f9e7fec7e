package io.callbook.webhook.voice.infra;

import io.callbook.common.cache.OutageLog;
import io.callbook.common.cache.RedisCacheStore;
import io.callbook.webhook.voice.domain.UnansweredAttempts;
import io.callbook.webhook.voice.domain.VoiceConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * One Redis key per unanswered attempt, kept as long as a call could still ask again. The caller is on the line for
 * every one of these, so they go through the shared cache level's short time-out and circuit breaker.
 */
@ApplicationScoped
public class RedisUnansweredAttempts implements UnansweredAttempts {

    private static final String PREFIX = "callbook:voice:unanswered:";

    private final RedisCacheStore redis;
    private final VoiceConfig config;
    private final OutageLog outageLog = new OutageLog(RedisUnansweredAttempts.class);

    public RedisUnansweredAttempts(RedisCacheStore redis, VoiceConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @Override
    public void note(String attemptKey, String what) {
        try {
            redis.set(PREFIX + attemptKey, what, config.unansweredAttemptMemory());
        } catch (RuntimeException e) {
            outageLog.warn("A voice function's attempt could not be noted (Redis: %s); its next attempt will not know "
                    + "of it", e.toString());
        }
    }

    @Override
    public Optional<String> noted(String attemptKey) {
        try {
            return redis.get(PREFIX + attemptKey);
        } catch (RuntimeException e) {
            outageLog.warn("Whether a voice function's earlier attempt went unanswered is unknown (Redis: %s)",
                    e.toString());
            throw new AttemptsUnknown(e);
        }
    }

    @Override
    public void forget(String attemptKey) {
        try {
            redis.delete(List.of(PREFIX + attemptKey));
        } catch (RuntimeException e) {
            outageLog.warn("An answered voice function's note could not be dropped (Redis: %s)", e.toString());
        }
    }
}
