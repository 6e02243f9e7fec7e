package io.callbook.webhook.live.infra;

import io.callbook.common.cache.OutageLog;
import io.callbook.webhook.live.domain.LiveCalls;
import io.callbook.webhook.live.domain.LiveConfig;
import io.callbook.webhook.live.domain.WatchedCompanies;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The companies with an open live stream, shared through one Redis sorted set: each replica adds the companies it has
 * streams of, scored with when that word runs out, and reads the whole set back, once per refresh. A replica that
 * stops saying so (closed streams, a crash) drops out when its word runs out. Without Redis nobody can tell, so every
 * activity is sent, as before there was a set.
 * <p>
 * The reactive data source, awaited, rather than the blocking one: Quarkus makes the blocking one beside the reactive
 * one without a guard, and this refresh, which starts with the scheduler, once stopped a replica's start-up that way.
 */
@ApplicationScoped
public class RedisWatchedCompanies implements WatchedCompanies {

    static final String KEY = "callbook:live:watched";

    private final LiveCalls live;
    private final LiveConfig config;
    private final ReactiveSortedSetCommands<String, String> sortedSets;
    private final OutageLog outageLog = new OutageLog(RedisWatchedCompanies.class);
    private volatile Set<UUID> watchedAnywhere = Set.of();
    private volatile boolean known;

    public RedisWatchedCompanies(LiveCalls live, LiveConfig config, ReactiveRedisDataSource redis) {
        this.live = live;
        this.config = config;
        this.sortedSets = redis.sortedSet(String.class);
    }

    @Override
    public boolean watched(UUID companyId) {
        // This replica's own streams count at once: a stream gets what its replica handles from its first moment.
        return !known || watchedAnywhere.contains(companyId) || live.followed(companyId);
    }

    @Scheduled(every = "${callbook.webhook.live.watch-refresh:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            long now = System.currentTimeMillis();
            Set<UUID> mine = live.followedCompanies();
            double until = now + config.watchExpiry().toMillis();
            Uni<Integer> told = mine.isEmpty() ? Uni.createFrom().item(0)
                    : sortedSets.zadd(KEY, mine.stream().collect(Collectors.toMap(UUID::toString, company -> until)));
            ScoreRange<Double> over = new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) now);
            ScoreRange<Double> current = new ScoreRange<>((double) now, Double.POSITIVE_INFINITY);
            List<String> watching = told
                    .chain(() -> sortedSets.zremrangebyscore(KEY, over))
                    .chain(() -> sortedSets.zrangebyscore(KEY, current))
                    // a refresh that outlasts its interval would only tell what is already out of date
                    .await().atMost(config.watchRefresh());
            watchedAnywhere = watching.stream().map(UUID::fromString).collect(Collectors.toUnmodifiableSet());
            known = true;
        } catch (RuntimeException e) {
            known = false;
            outageLog.warn("Which companies are followed live is unknown (Redis: %s); all call activity is sent",
                    e.toString());
        }
    }
}
