package io.callbook.loadtest.booking;

import io.callbook.loadtest.harness.BenchSimulation;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * booking-service under load, in the {@link BookingScenario} that {@link BookingLoadSettings} names, open model
 * (Poisson arrivals at a fixed mean rate). Availability must answer 200 and a booking of a free slot 201; in the
 * contention run 201 and 409 (slot taken) are both correct, and {@link ContentionTally} counts which was which.
 */
public class BookingSimulation extends BenchSimulation {

    private static final String STATUS = "status";

    private final BookingScenario scenario;

    public BookingSimulation() {
        BookingLoadSettings settings = BookingLoadSettings.fromSystemProperties();
        scenario = settings.scenario();
        BookingGrid grid = new BookingGrid(BookingSeed.read(settings.seedFile()));

        HttpProtocolBuilder protocol = jsonProtocol(settings.baseUrl()).authorizationHeader("Bearer " + settings.token());

        ChainBuilder request = switch (scenario) {
            case UNCACHED, CACHED -> feed(AvailabilityFeeder.of(grid, settings)).exec(http("availability")
                    .get(session -> session.getString(AvailabilityFeeder.PATH))
                    .check(status().is(200)));
            case BOOK -> feed(SlotFeeder.of(grid, settings)).exec(book("book").check(status().is(201)));
            case BOOK_ANYONE -> feed(SlotFeeder.of(grid, settings)).exec(book("book-anyone").check(status().is(201)));
            case CONTENTION -> feed(SlotFeeder.of(grid, settings))
                    .exec(book("book-contention").check(status().in(201, 409).saveAs(STATUS)))
                    .exec(session -> {
                        ContentionTally.record(session.contains(STATUS) ? session.getInt(STATUS) : null);
                        return session;
                    });
        };

        setUp(scenario(scenario.label()).exec(request)
                .injectOpen(poissonArrivals(settings.rate(), settings.duration())))
                .protocols(protocol);
    }

    private static HttpRequestActionBuilder book(String name) {
        return http(name).post(BookingRequestBody.PATH)
                .body(StringBody(session -> session.getString(SlotFeeder.BODY)))
                .asJson();
    }

    @Override
    public void before() {
        ContentionTally.reset();
        super.before();
    }

    @Override
    public void after() {
        super.after();
        if (scenario == BookingScenario.CONTENTION) {
            ContentionTally.Counts counts = ContentionTally.counts();
            System.out.printf("book-contention: %d booked (201), %d refused (409)%n", counts.booked(), counts.refused());
        }
    }
}
