package io.callbook.loadtest.mix;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingRequestBody;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.harness.EndlessFeeder;
import io.callbook.loadtest.webhooks.VoiceSeed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a tenant's staff read while the calls go on, in turn: the call log (webhook-service), a branch's coming
 * appointments and a week of a service's availability at a branch (booking-service). Each as an absolute URL, since
 * the reads go to two services.
 */
public final class AdminReadFeeder extends EndlessFeeder {

    public static final String URL = "adminUrl";

    private final String webhookUrl;
    private final String bookingUrl;
    private final BookingSeed catalog;
    private final Clock clock;
    private final RandomGenerator random;
    private long reads;

    AdminReadFeeder(String webhookUrl, String bookingUrl, BookingSeed catalog, Clock clock, RandomGenerator random) {
        this.webhookUrl = webhookUrl;
        this.bookingUrl = bookingUrl;
        this.catalog = catalog;
        this.clock = clock;
        this.random = random;
    }

    public static AdminReadFeeder of(MixLoadSettings settings) {
        return new AdminReadFeeder(settings.baseUrl(), settings.bookingUrl(),
                VoiceSeed.read(settings.voice().seedFile()).catalog(), Clock.systemUTC(),
                newRandom());
    }

    @Override
    public synchronized Map<String, Object> next() {
        Instant now = clock.instant();
        List<BookingSeed.Branch> branches = catalog.branches();
        String branchId = branches.get(random.nextInt(branches.size())).id();
        String url = switch ((int) (reads++ % 3)) {
            case 0 -> webhookUrl + "/v1/calls?limit=50";
            case 1 -> bookingUrl + BookingRequestBody.PATH + "?branchId=" + branchId + "&from=" + now + "&limit=50";
            default -> {
                String serviceId = catalog.serviceIds().get(random.nextInt(catalog.serviceIds().size()));
                LocalDate tomorrow = LocalDate.ofInstant(now, BookingGrid.ZONE).plusDays(1);
                yield bookingUrl + new BookingGrid.AvailabilityQuery(branchId, serviceId, tomorrow, tomorrow.plusDays(6)).path();
            }
        };
        return Map.of(URL, url);
    }
}
