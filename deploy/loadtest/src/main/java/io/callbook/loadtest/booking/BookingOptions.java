package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code ./callbook bench booking}.
 *
 * @param resolverUrl     where tokens are made and the company and branches are created
 * @param scenarios       which runs, always in the order of {@link BookingScenario}
 * @param hotSet          (branch, service, day) combinations of the cached availability run
 * @param contentionSlots slots raced for in each second of the contention run
 */
public record BookingOptions(CommonOptions common, String resolverUrl, List<BookingScenario> scenarios, int uncachedRate,
                      int cachedRate, int hotSet, int bookRate, int contentionRate, int contentionSlots)
        implements BenchOptions {

    static final String USAGE = """
            Usage: ./callbook bench booking [options]

            Load-tests booking-service with Gatling (open model, Poisson arrivals): availability of weeks never asked
            before (uncached) and of a small hot set of single days (cached), booking free slots spread over many staff, and many
            callers racing for the same few slots (contention: the first gets 201, the others 409, both correct).
            Seeds one company with 5 branches, 10 services and 20 staff per branch through the public APIs (re-used on
            later runs: deploy/loadtest/target/bench/booking-seed.json). Starts the local suite (./callbook up) when
            nothing answers and stops it afterwards. Prints a table, keeps Gatling's HTML reports, appends to
            docs/benchmarks.md. Checks p99 ≤ 25 ms (availability uncached), ≤ 5 ms (cached), ≤ 30 ms (book).
            Exit status: 0 all good, 3 a run is flagged (errors > 1 % or rate < 95 % of asked), 4 a latency target
            was missed, 1 the bench could not run, 2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 booking-service base URL (default http://127.0.0.1:8082)
              --resolver-url URL        resolver-service base URL, for the token and seeding (default http://127.0.0.1:8081)
              --scenarios LIST          any of uncached,cached,book,book-anyone,contention (default all five)
              --duration D              measured time per run (default 30s)
              --warmup D                the same load, unmeasured, before every run (default 10s; 0 = none)
              --uncached-rate N         availability requests/s, each for a (branch, service, week) not asked before
                                        (default 50)
              --cached-rate N           availability requests/s over the hot set, one day each (default 200)
              --hot-set N               (branch, service, day) combinations of the cached run (default 20)
              --book-rate N             bookings/s, each of a slot nobody else asks for (default 100; book-anyone too)
              --contention-rate N       booking attempts/s racing for the same slots (default 200)
              --contention-slots N      slots raced for in each second (default 3)
            """ + CommonOptions.HELP;

    static BookingOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.BOOKING.localUrl(), defaultResultsDir));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    /** The asked rate of a scenario's run. */
    public int rate(BookingScenario scenario) {
        return switch (scenario) {
            case UNCACHED -> uncachedRate;
            case CACHED -> cachedRate;
            case BOOK, BOOK_ANYONE -> bookRate;
            case CONTENTION -> contentionRate;
        };
    }

    /** The bench may start the local suite only when it measures the local services. */
    public boolean targetsLocalSuite() {
        return SuiteService.BOOKING.isLocal(common.url()) && SuiteService.RESOLVER.isLocal(resolverUrl);
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        String resolverUrl = SuiteService.RESOLVER.localUrl();
        List<BookingScenario> scenarios = List.of(BookingScenario.values());
        int uncachedRate = 50;
        int cachedRate = 200;
        int hotSet = 20;
        int bookRate = 100;
        int contentionRate = 200;
        int contentionSlots = 3;

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--resolver-url" -> resolverUrl = value;
                case "--scenarios" -> scenarios = OptionArgs.choices(value, BookingScenario.class, BookingScenario::of,
                        BookingScenario::option, "--scenarios");
                case "--uncached-rate" -> uncachedRate = OptionArgs.positiveInt(value);
                case "--cached-rate" -> cachedRate = OptionArgs.positiveInt(value);
                case "--hot-set" -> hotSet = OptionArgs.positiveInt(value);
                case "--book-rate" -> bookRate = OptionArgs.positiveInt(value);
                case "--contention-rate" -> contentionRate = OptionArgs.positiveInt(value);
                case "--contention-slots" -> contentionSlots = OptionArgs.positiveInt(value);
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        BookingOptions build() {
            return new BookingOptions(common.build(), resolverUrl, scenarios, uncachedRate, cachedRate, hotSet,
                    bookRate, contentionRate, contentionSlots);
        }
    }
}
