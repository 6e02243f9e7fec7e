package io.callbook.webhook.live.domain;

import io.callbook.common.contracts.webhook.CallActivityEvents.Activity;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The open live streams of this replica and the call activity they are shown, every tenant's only its own. Each
 * stream has a bounded buffer: handing activity over never waits for a client, and a client that falls further behind
 * than the buffer is let go rather than kept in memory without bound.
 */
@ApplicationScoped
public class LiveCalls {

    private static final Logger LOG = Logger.getLogger(LiveCalls.class);

    private final Set<Follower> followers = ConcurrentHashMap.newKeySet();
    private final LiveConfig config;

    public LiveCalls(LiveConfig config) {
        this.config = config;
    }

    /** The activity of one company's calls from now on, until the subscriber cancels. */
    public Multi<Activity> follow(UUID companyId) {
        return Multi.createFrom().<Activity>emitter(emitter -> {
                    Follower follower = new Follower(companyId, emitter);
                    followers.add(follower);
                    emitter.onTermination(() -> followers.remove(follower));
                }, config.buffer())
                .onFailure().invoke(e -> LOG.infof("A live stream of company %s fell behind by more than %d events "
                        + "and was closed: %s", companyId, config.buffer(), e.toString()))
                .onFailure().recoverWithCompletion();
    }

    /** Hands activity to the streams of its company; never blocks. */
    public void deliver(Activity activity) {
        for (Follower follower : followers) {
            if (follower.companyId().equals(activity.companyId())) {
                follower.emitter().emit(activity);
            }
        }
    }

    /** The companies with a stream open on this replica. */
    public Set<UUID> followedCompanies() {
        return followers.stream().map(Follower::companyId).collect(Collectors.toSet());
    }

    /** Whether this replica has a stream of the company open. */
    public boolean followed(UUID companyId) {
        return followers.stream().anyMatch(f -> f.companyId().equals(companyId));
    }

    /** Open streams, e.g. for a test to wait until its stream is connected. */
    public int following(UUID companyId) {
        return (int) followers.stream().filter(f -> f.companyId().equals(companyId)).count();
    }

    /** Open streams would hold a graceful shutdown until its timeout: they end first, and clients reconnect elsewhere. */
    void stop(@Observes ShutdownEvent shutdown) {
        followers.forEach(follower -> follower.emitter().complete());
    }

    private record Follower(UUID companyId, MultiEmitter<? super Activity> emitter) {
    }
}
