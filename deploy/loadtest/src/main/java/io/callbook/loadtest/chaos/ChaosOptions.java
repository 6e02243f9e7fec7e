package io.callbook.loadtest.chaos;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;
import io.callbook.loadtest.mix.MixPace;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The command line of {@code ./callbook bench chaos}.
 *
 * @param calls       concurrent simulated calls of the mix
 * @param thinkTime   mean time between a call's steps
 * @param faults      what is done to the suite, in {@link Fault}'s order
 * @param killService the service that {@link Fault#KILL} kills
 * @param pause       how long PostgreSQL, Redis and Kafka are each frozen
 * @param gap         calm load before the first fault and after each, in which the suite recovers
 * @param settle      how long after the load the read-backs wait for backlogs to drain (outbox, consumers, inbox)
 */
public record ChaosOptions(CommonOptions common, String resolverUrl, String bookingUrl, int calls, Duration thinkTime,
                           double bookShare, double adminRate, List<Fault> faults, SuiteService killService,
                           Duration pause, Duration gap, Duration settle) implements BenchOptions {

    /** What a killed service or a restarted broker is assumed to take, for the plan only. */
    static final Duration RESTART_ESTIMATE = Duration.ofSeconds(30);

    static final String USAGE = """
            Usage: ./callbook bench chaos [options]

            Faults under load. The mix of calls (as ./callbook bench mix, at a moderate rate) runs while, one after
            the other with --gap of calm load before and after each: one service is killed with kill -9 and started
            again (kill), PostgreSQL (postmaster and backends), Redis and the Kafka broker are each frozen with
            SIGSTOP for --pause and resumed with SIGCONT (postgres, redis, kafka), and the Kafka broker is restarted
            (kafka-restart). Afterwards it reads back: every call event the suite acknowledged (202) stored once in
            webhook-service's inbox and processed exactly once (its call in the call log, one "processed" event in
            the outbox), every appointment a booking answer named present in booking-service, no slot holding two
            appointments, no outbox row left unpublished in any service's database, and every consumer group with
            members caught up (lag 0).
            Prints a table: per fault (and the calm baseline before the first) the requests sent during it, the
            failed requests from its start until the next fault, how long after it ended requests succeeded again,
            and the call events and bookings lost and duplicated of the requests in that time; appends it to
            docs/benchmarks.md.
            Needs the local suite of this repository (./callbook up): the faults act on its processes, the pids
            recorded in .callbook/state.properties, and the read-backs query its databases and Kafka. Starts it
            when nothing answers, and stops it afterwards.
            Exit status: 0 nothing lost or duplicated and everything caught up, 3 something lost, duplicated, left
            behind or not recovered, 1 the bench could not run, 2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 webhook-service base URL (default http://127.0.0.1:8083)
              --resolver-url URL        resolver-service base URL (default http://127.0.0.1:8081)
              --booking-url URL         booking-service base URL (default http://127.0.0.1:8082)
              --faults LIST             of kill, postgres, redis, kafka, kafka-restart (default all, in this order)
              --kill SERVICE            the service kill -9 hits: resolver, booking or webhook (default webhook)
              --pause D                 how long each of PostgreSQL, Redis, Kafka is frozen (default 30s)
              --gap D                   calm load before the first fault and after each (default 30s)
              --settle D                how long the read-backs wait for backlogs to drain (default 3m)
              --calls N                 concurrent calls (default 20)
              --think-time D            mean time between a call's steps (default 1s: about 30 requests/s)
              --book-share X            share of calls that book, 0..1 (default 0.3)
              --admin-rate X            tenant-admin reads per second (default 1; 0 = none)
            """ + CommonOptions.HELP;

    static ChaosOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.WEBHOOK.localUrl(), defaultResultsDir));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    @Override
    public boolean targetsLocalSuite() {
        return SuiteService.WEBHOOK.isLocal(common.url()) && SuiteService.RESOLVER.isLocal(resolverUrl)
                && SuiteService.BOOKING.isLocal(bookingUrl);
    }

    public MixPace pace() {
        return new MixPace(calls, thinkTime, bookShare, adminRate);
    }

    /** The URL of the service {@link Fault#KILL} hits. */
    String killUrl() {
        return switch (killService) {
            case RESOLVER -> resolverUrl;
            case BOOKING -> bookingUrl;
            default -> common.url();
        };
    }

    /** How long the load is planned to run: the lead-in, each fault and the calm after it. */
    Duration plannedLoad() {
        Duration total = gap;
        for (Fault fault : faults) {
            total = total.plus(fault.isPause() ? pause : RESTART_ESTIMATE).plus(gap);
        }
        return total;
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        String resolverUrl = SuiteService.RESOLVER.localUrl();
        String bookingUrl = SuiteService.BOOKING.localUrl();
        int calls = 20;
        Duration thinkTime = Duration.ofSeconds(1);
        double bookShare = 0.3;
        double adminRate = 1;
        List<Fault> faults = List.of(Fault.values());
        SuiteService killService = SuiteService.WEBHOOK;
        Duration pause = Duration.ofSeconds(30);
        Duration gap = Duration.ofSeconds(30);
        Duration settle = Duration.ofMinutes(3);

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        boolean apply(String option, String value) {
            switch (option) {
                case "--resolver-url" -> resolverUrl = value;
                case "--booking-url" -> bookingUrl = value;
                case "--calls" -> calls = OptionArgs.positiveInt(value);
                case "--think-time" -> thinkTime = DurationText.parse(value);
                case "--book-share" -> bookShare = OptionArgs.share(value);
                case "--admin-rate" -> adminRate = OptionArgs.nonNegativeRate(value);
                case "--faults" -> faults = OptionArgs.choices(value, Fault.class, Fault::of, Fault::option, "--faults");
                case "--kill" -> killService = Arrays.stream(SuiteService.values())
                        .filter(service -> service.shortName().equals(value) && service != SuiteService.PERF_OPS)
                        .findFirst().orElseThrow(() -> new IllegalArgumentException(
                                "--kill takes resolver, booking or webhook, not " + value));
                case "--pause" -> pause = DurationText.parse(value);
                case "--gap" -> gap = DurationText.parse(value);
                case "--settle" -> settle = DurationText.parse(value);
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        ChaosOptions build() {
            if (thinkTime.isZero() || pause.isZero() || gap.isZero()) {
                throw new IllegalArgumentException("--think-time, --pause and --gap must be more than 0");
            }
            CommonOptions parsed = common.build();
            ChaosOptions options = new ChaosOptions(parsed, resolverUrl, bookingUrl, calls, thinkTime, bookShare,
                    adminRate, faults, killService, pause, gap, settle);
            // one run as long as the plan: the report's "per run" is the load's length
            CommonOptions planned = new CommonOptions(parsed.url(), parsed.token(), options.plannedLoad(), Duration.ZERO,
                    parsed.writeDocs(), parsed.startTimeout(), parsed.resultsDir());
            return new ChaosOptions(planned, resolverUrl, bookingUrl, calls, thinkTime, bookShare, adminRate, faults,
                    killService, pause, gap, settle);
        }
    }
}
