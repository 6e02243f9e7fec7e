package io.callbook.loadtest.mix;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line of {@code ./callbook bench mix}.
 *
 * @param resolverUrl where tokens are made and the directory is seeded
 * @param bookingUrl  where the catalog is seeded and the admin reads and the read-back of bookings go
 * @param calls       concurrent simulated calls
 * @param thinkTime   mean time between a call's steps (see {@link MixPace})
 * @param bookShare   the share of calls that book an appointment
 * @param adminRate   tenant-admin reads per second
 * @param settle      how long after the run's last call event the events may still be processed and count as processed
 */
public record MixOptions(CommonOptions common, String resolverUrl, String bookingUrl, int calls, Duration thinkTime,
                  double bookShare, double adminRate, Duration settle) implements BenchOptions {

    static final int DEFAULT_CALLS = 250;
    /** With 250 calls: about 1 270 requests per second planned, the predecessor's 1 200 with room for slow answers. */
    static final Duration DEFAULT_THINK_TIME = Duration.ofMillis(300);
    static final double DEFAULT_BOOK_SHARE = 0.3;
    static final double DEFAULT_ADMIN_RATE = 3;

    static final String USAGE = """
            Usage: ./callbook bench mix [options]

            The whole day at once: concurrent simulated calls through resolver-service, booking-service and
            webhook-service, each doing what a real call does, in order: the voice provider's signed call_started
            webhook (202), the voice agent's inbound hook (200, the dialled branch identified), one or two
            check_availability functions, in a share of calls a book_appointment of a free slot (naming the staff
            member at every other start, anyone free at the others), then call_ended and call_analyzed (202);
            beside them tenant-admin reads (the call log, a branch's appointments, a week of availability). Closed
            model over calls: --calls are always in flight, a new one starts when one ends.
            Steps start --think-time apart on average (drawn from half to one and a half of it, counted from the
            previous step's start), so the suite-wide rate is planned: a call makes 5.5 + book share requests in
            3.5 + book share think times, i.e. calls × 5.8 / (3.8 × think time) at the default share, plus the admin
            reads; the bench prints it before the run. The default think time is no conversation's: it is what makes
            250 calls send the predecessor's documented 1 200 requests/s. Real talk (a few seconds a step) at that
            rate is e.g. --calls 3200 --think-time 4s.
            Afterwards it reads back every call's events from webhook-service's inbox (each must be stored and
            processed within --settle) and every booked slot through GET /v1/appointments (none may hold two).
            Targets: ≥ 1 200 requests/s suite-wide; p99 ≤ 10 ms for the webhook acknowledgements, ≤ 100 ms for the
            inbound hook and the voice functions (admin reads: reported); no errors (a voice function's spoken
            fallback is one), no double booking, no lost or late webhook.
            Seeds the booking bench's catalog (5 branches × 20 staff, re-used), a number per branch, a fresh voice
            integration per run and a tenant-admin key (revoked afterwards), all through the public APIs.
            Starts the local suite (./callbook up) when nothing answers and stops it afterwards. Prints a table per
            step and one per service (CPU, RSS), keeps Gatling's HTML report, appends to docs/benchmarks.md.
            Exit status: 0 all good, 3 flagged (a step with errors > 1 %, the rate < 95 % of the planned one, a double
            booking or a lost webhook), 4 a target missed (a p99, the rate, any error, a late webhook), 1 the bench
            could not run, 2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 webhook-service base URL (default http://127.0.0.1:8083)
              --resolver-url URL        resolver-service base URL (default http://127.0.0.1:8081)
              --booking-url URL         booking-service base URL (default http://127.0.0.1:8082)
              --calls N                 concurrent calls (default 250)
              --duration D              measured time (default 5m)
              --warmup D                the same load, unmeasured, before (default 30s; 0 = none)
              --think-time D            mean time between a call's steps (default 300ms)
              --book-share X            share of calls that book, 0..1 (default 0.3)
              --admin-rate X            tenant-admin reads per second (default 3; 0 = none)
              --settle D                how long after the last call event events may still be processed (default 10s)
            """ + CommonOptions.HELP;

    static MixOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.WEBHOOK.localUrl(), defaultResultsDir, Duration.ofMinutes(5),
                Duration.ofSeconds(30)));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    /** The bench may start the local suite only when it measures the local services. */
    public boolean targetsLocalSuite() {
        return SuiteService.WEBHOOK.isLocal(common.url()) && SuiteService.RESOLVER.isLocal(resolverUrl)
                && SuiteService.BOOKING.isLocal(bookingUrl);
    }

    public MixPace pace() {
        return new MixPace(calls, thinkTime, bookShare, adminRate);
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        String resolverUrl = SuiteService.RESOLVER.localUrl();
        String bookingUrl = SuiteService.BOOKING.localUrl();
        int calls = DEFAULT_CALLS;
        Duration thinkTime = DEFAULT_THINK_TIME;
        double bookShare = DEFAULT_BOOK_SHARE;
        double adminRate = DEFAULT_ADMIN_RATE;
        Duration settle = Duration.ofSeconds(10);

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--resolver-url" -> resolverUrl = value;
                case "--booking-url" -> bookingUrl = value;
                case "--calls" -> calls = OptionArgs.positiveInt(value);
                case "--think-time" -> thinkTime = DurationText.parse(value);
                case "--book-share" -> bookShare = OptionArgs.share(value);
                case "--admin-rate" -> adminRate = OptionArgs.nonNegativeRate(value);
                case "--settle" -> settle = DurationText.parse(value);
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        MixOptions build() {
            if (thinkTime.isZero()) {
                throw new IllegalArgumentException("--think-time must be more than 0: calls take time");
            }
            return new MixOptions(common.build(), resolverUrl, bookingUrl, calls, thinkTime, bookShare, adminRate, settle);
        }
    }
}
