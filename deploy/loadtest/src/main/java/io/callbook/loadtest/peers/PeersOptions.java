package io.callbook.loadtest.peers;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line of {@code ./callbook bench peers}.
 *
 * @param common      {@code --url} is our resolver's
 * @param peers       which peers run, always in the order of {@link Peer}
 * @param users       concurrent users of every run (closed model, lookups back to back)
 * @param ramp        time to reach all users
 * @param phpChildren PHP-FPM's fixed number of workers
 */
public record PeersOptions(CommonOptions common, List<Peer> peers, int users, Duration ramp, int phpChildren)
        implements BenchOptions {

    static final int DEFAULT_USERS = 100;
    /** Enough to keep 2 cores busy while some workers wait on Redis, without queueing on a worker that waits. */
    public static final int DEFAULT_PHP_CHILDREN = 2 * Runtime.getRuntime().availableProcessors();

    static final String USAGE = """
            Usage: ./callbook bench peers [options]

            The predecessor's architecture measured side by side with our resolver, in the same run, on the same
            machine, with the same closed-model load (users sending the resolve bench's lookups back to back):
              static  nginx serving one file shaped like a resolve answer (every lookup gets it: the floor)
              php     nginx → PHP-FPM (pm = static, opcache, php-redis pconnect) → one Redis GET per lookup, Redis
                      seeded with the resolve bench's numbers: the predecessor's best case
              ours    resolver-service (started like ./callbook bench resolve does when nothing answers on --url)
            The bench starts nginx, PHP-FPM and Redis itself on free ports, in a folder of the results, and stops them
            afterwards; they need apt-get install nginx php-fpm php-redis redis-server (without them it skips static
            and php and says so). Numbers: the resolve bench's (target/bench/seed.json, seeded into the resolver when
            ours runs; made up when it does not and the file is absent). Prints throughput, latency, errors and
            server-side CPU % and CPU ms per lookup of each, and the ratios ours ÷ php and ours ÷ static; appends to
            docs/benchmarks.md. Exit status: 0 all good, 3 a run is flagged (errors > 1 %), 1 the bench could not run,
            2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 our resolver's base URL (default http://127.0.0.1:8081)
              --peers LIST              any of static,php,ours (default all)
              --users N                 concurrent users of every run (default 100)
              --duration D              measured time per peer (default 20s)
              --warmup D                the same load, unmeasured, before every peer (default 10s; 0 = none)
              --ramp D                  time to reach all users (default 5s)
              --php-children N          PHP-FPM workers, pm = static (default 2 per core)
            """ + CommonOptions.HELP;

    static PeersOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.RESOLVER.localUrl(), defaultResultsDir, Duration.ofSeconds(20)));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    /** The bench may start the local suite only when ours is the local resolver. */
    public boolean targetsLocalSuite() {
        return SuiteService.RESOLVER.isLocal(common.url());
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        List<Peer> peers = List.of(Peer.values());
        int users = DEFAULT_USERS;
        Duration ramp = Duration.ofSeconds(5);
        int phpChildren = DEFAULT_PHP_CHILDREN;

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--peers" -> peers = OptionArgs.choices(value, Peer.class, Peer::of,
                        Peer::option, "--peers");
                case "--users" -> users = OptionArgs.positiveInt(value);
                case "--ramp" -> ramp = DurationText.parse(value);
                case "--php-children" -> phpChildren = OptionArgs.positiveInt(value);
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        PeersOptions build() {
            return new PeersOptions(common.build(), peers, users, ramp, phpChildren);
        }
    }
}
