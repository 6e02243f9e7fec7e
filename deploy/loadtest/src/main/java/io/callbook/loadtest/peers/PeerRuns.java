package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.MeasuredRuns;
import io.callbook.loadtest.harness.RunResult;
import io.callbook.loadtest.resolve.ResolveLoadSettings;
import io.callbook.loadtest.resolve.ResolveScenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The peers bench's runs: for each peer the same closed-model load (users sending the resolve bench's lookups back to
 * back), unmeasured first as a warm-up (JIT, opcache), then measured with the peer's processes as the server side and
 * everything else in the others column.
 */
final class PeerRuns {

    private final PeersOptions options;
    private final MeasuredRuns measured;
    private final Path numbers;
    private final String token;
    private final Map<Peer, PeerTarget> targets;

    /** @param token sent with every lookup; only our resolver checks it */
    PeerRuns(PeersOptions options, MeasuredRuns measured, Path numbers, String token, Map<Peer, PeerTarget> targets) {
        this.options = options;
        this.measured = measured;
        this.numbers = numbers;
        this.token = token;
        this.targets = Map.copyOf(targets);
    }

    RunResult run(Peer peer) {
        PeerTarget target = targets.get(peer);
        if (target == null) {
            throw new IllegalArgumentException("No " + peer.option() + " peer to run");
        }
        target.beforeRun().run();
        Duration warmup = options.common().warmup();
        if (!warmup.isZero()) {
            measured.warmUp(peer.option() + ", " + options.users() + " users", settings(peer, target, warmup));
        }
        return measured.measure(peer.label(), "", settings(peer, target, options.common().duration()),
                measured.processes().underTest(target.processes()));
    }

    private ResolveLoadSettings settings(Peer peer, PeerTarget target, Duration duration) {
        ResolveLoadSettings settings = ResolveLoadSettings.closed(target.url(), token, numbers, ResolveScenario.NORMAL, options.users(), duration,
                options.ramp(), Duration.ZERO);
        return peer == Peer.STATIC ? settings.withStaticFile() : settings;
    }
}
