package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.harness.BenchOptions;
import io.callbook.loadtest.harness.CommonOptions;
import io.callbook.loadtest.harness.DurationText;
import io.callbook.loadtest.harness.OptionArgs;
import io.callbook.loadtest.harness.SuiteService;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The command line of {@code ./callbook bench webhooks}.
 *
 * @param resolverUrl    where tokens are made and the company is created
 * @param bookingUrl     where the voice runs' catalog is seeded (the one webhook-service's voice functions call)
 * @param scenarios      which runs, always in the order of {@link WebhookScenario}
 * @param ackRates       webhooks per second of the acknowledge runs, one run each
 * @param processedRate  webhooks per second of the processed run
 * @param settle         how long after the run's last webhook an event may still be processed and count as processed
 * @param voiceRate      voice function calls per second of the voice run
 * @param voiceBookShare the share of the voice run's calls that book an appointment
 */
public record WebhookOptions(CommonOptions common, String resolverUrl, String bookingUrl, List<WebhookScenario> scenarios,
                      List<Integer> ackRates, int processedRate, WebhookMix mix, Duration settle, int voiceRate,
                      double voiceBookShare) implements BenchOptions {

    static final String USAGE = """
            Usage: ./callbook bench webhooks [options]

            Load-tests webhook-service with Gatling (open model, Poisson arrivals): its inbox with signed Retell-style
            call events (call_started, call_ended, call_analyzed of one call after the other; each new one must get
            202), a share of repeats of events already acknowledged (200) and of Cal.com-style bookings (202); and the
            voice agent's functions.
              acknowledge  how fast a webhook is verified, stored and answered; target p99 ≤ 10 ms
              processed    the same traffic, then the inbox is read back: received → processed per event; target
                           p99 ≤ 1 s at 1000 events/s; an event not processed within --settle of the last arrival counts
                           as an error
              voice        signed check_availability calls (a service by name, a day of the next two weeks, a random
                           branch) and a share of book_appointment calls of free slots (half of them for
                           anyone free), through the real resolver-service and booking-service; 200 with
                           the real answer expected (the
                           spoken fallback, error temporarily_unavailable, counts as an error); target p99 ≤ 100 ms
            Seeds a company (resolver-service) and, for every run, a voice and a calendar integration (webhook-service)
            through the public APIs; for voice, the booking bench's catalog (booking-service), a number per branch and
            the integrations in that company. Before each measured run the previous runs' events are left to be
            processed.
            Starts the local suite (./callbook up) when nothing answers and stops it afterwards. Prints a table, keeps
            Gatling's HTML reports, appends to docs/benchmarks.md.
            Exit status: 0 all good, 3 a run is flagged (errors > 1 % or rate < 95 % of asked), 4 a latency target
            was missed, 1 the bench could not run, 2 bad options.

            Options (durations like 30s, 500ms, 2m):
              --url URL                 webhook-service base URL (default http://127.0.0.1:8083)
              --resolver-url URL        resolver-service base URL, for the token and the company (default http://127.0.0.1:8081)
              --booking-url URL         booking-service base URL, for the voice runs' catalog (default http://127.0.0.1:8082)
              --scenarios LIST          any of acknowledge,processed,voice (default all)
              --duration D              measured time per run (default 30s)
              --warmup D                the same load, unmeasured, before every run (default 10s; 0 = none)
              --ack-rates LIST          webhooks/s of the acknowledge runs (default 200,1000)
              --processed-rate N        webhooks/s of the processed run (default 1000)
              --repeat-share X          share of repeated call events, 0..1 (default 0.02)
              --calendar-share X        share of calendar bookings, 0..1 (default 0.05)
              --settle D                how long after the last webhook events may still be processed (default 10s)
              --voice-rate N            voice function calls/s of the voice run (default 50)
              --voice-book-share X      share of the voice calls that book, 0..1 (default 0.1)
            """ + CommonOptions.HELP;

    static WebhookOptions parse(List<String> args, Path defaultResultsDir) {
        Builder options = new Builder(new CommonOptions.Builder(SuiteService.WEBHOOK.localUrl(), defaultResultsDir));
        OptionArgs.parse(args, options::apply);
        return options.build();
    }

    /** The bench may start the local suite only when it measures the local services. */
    public boolean targetsLocalSuite() {
        return SuiteService.WEBHOOK.isLocal(common.url()) && SuiteService.RESOLVER.isLocal(resolverUrl)
                && (!needsBooking() || SuiteService.BOOKING.isLocal(bookingUrl));
    }

    /** Only the voice run calls booking-service (through webhook-service, and to seed its catalog). */
    public boolean needsBooking() {
        return scenarios.contains(WebhookScenario.VOICE);
    }

    private static final class Builder {
        final CommonOptions.Builder common;
        String resolverUrl = SuiteService.RESOLVER.localUrl();
        String bookingUrl = SuiteService.BOOKING.localUrl();
        List<WebhookScenario> scenarios = List.of(WebhookScenario.values());
        List<Integer> ackRates = List.of(200, 1_000);
        int processedRate = 1_000;
        double repeatShare = WebhookMix.DEFAULT.repeatShare();
        double calendarShare = WebhookMix.DEFAULT.calendarShare();
        Duration settle = Duration.ofSeconds(10);
        int voiceRate = 50;
        double voiceBookShare = 0.1;

        Builder(CommonOptions.Builder common) {
            this.common = common;
        }

        /** @return whether the option consumed the value */
        boolean apply(String option, String value) {
            switch (option) {
                case "--resolver-url" -> resolverUrl = value;
                case "--booking-url" -> bookingUrl = value;
                case "--scenarios" -> scenarios = OptionArgs.choices(value, WebhookScenario.class, WebhookScenario::of,
                        WebhookScenario::option, "--scenarios");
                case "--ack-rates" -> ackRates = OptionArgs.positiveInts(value);
                case "--processed-rate" -> processedRate = OptionArgs.positiveInt(value);
                case "--repeat-share" -> repeatShare = OptionArgs.share(value);
                case "--calendar-share" -> calendarShare = OptionArgs.share(value);
                case "--settle" -> settle = DurationText.parse(value);
                case "--voice-rate" -> voiceRate = OptionArgs.positiveInt(value);
                case "--voice-book-share" -> voiceBookShare = OptionArgs.share(value);
                default -> {
                    return common.apply(option, value);
                }
            }
            return true;
        }

        WebhookOptions build() {
            return new WebhookOptions(common.build(), resolverUrl, bookingUrl, scenarios, ackRates,
                    processedRate, new WebhookMix(repeatShare, calendarShare), settle, voiceRate, voiceBookShare);
        }
    }
}
