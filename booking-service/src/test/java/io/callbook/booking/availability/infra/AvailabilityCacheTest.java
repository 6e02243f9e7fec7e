package io.callbook.booking.availability.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.booking.AvailabilityFixtures;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.booking.appointment.domain.AppointmentStatus;
import io.callbook.booking.branch.domain.SlotsChanged;
import io.callbook.booking.catalog.domain.BookableService;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.booking.AppointmentData;
import io.callbook.common.contracts.booking.BookingEvents;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.devstack.Devstack;
import io.callbook.testsupport.CloudEventRecords;
import io.callbook.testsupport.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Availability is cached in Redis, a change drops it at once, and without Redis it is computed. */
@QuarkusTest
class AvailabilityCacheTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;
    @Inject
    AvailabilityFixtures more;
    @Inject
    Event<SlotsChanged> slotsChanged;
    @Inject
    ObjectMapper json;
    @Inject
    MeterRegistry metrics;

    BranchData branch;
    BookableService haircut;
    Staff anna;
    LocalDate day;

    @BeforeEach
    void catalog() {
        branch = fixtures.branch("Europe/Berlin");
        haircut = fixtures.service(branch.companyId(), 30);
        anna = fixtures.staff(branch, Set.of(haircut.id));
        fixtures.everyDayNineToFive(anna);
        day = LocalDate.now(BERLIN).plusDays(10);
    }

    @AfterEach
    void redisRunning() {
        Devstack.shared().ensureRedisRunning();
    }

    @Test
    void aSlotBookedInATransactionVanishesAtOnceWhenItCommits() {
        double hitsBefore = lookups("hit");
        assertTrue(starts().contains(at("10:00")));

        // A row written behind the cache's back (no event) is not seen: the day is served from Redis.
        more.appointment(haircut, anna, instant("10:00"), AppointmentStatus.CONFIRMED, null);
        assertTrue(starts().contains(at("10:00")));
        assertTrue(lookups("hit") > hitsBefore, "the second read is a cache hit");

        // The booking code's way: the event fires inside the transaction, the observer runs after the commit.
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment booked = more.appointmentInCurrentTransaction(haircut, anna, instant("11:00"),
                    AppointmentStatus.CONFIRMED, null);
            slotsChanged.fire(new SlotsChanged(booked.companyId, booked.branchId, booked.blockedFrom, booked.blockedUntil));
        });
        List<String> after = starts();
        assertFalse(after.contains(at("11:00")), after.toString());
        assertFalse(after.contains(at("10:00")), "the day was computed again: " + after);
        assertTrue(after.contains(at("10:30")));
    }

    @Test
    void aRolledBackWriteInvalidatesNothing() {
        starts();
        double missesBefore = lookups("miss");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                slotsChanged.fire(new SlotsChanged(branch.companyId(), branch.id(), instant("10:00"), instant("10:30")));
                throw new IllegalStateException("rolled back");
            });
        } catch (RuntimeException expected) {
            // the point of the test
        }
        starts();
        assertEquals(missesBefore, lookups("miss"));
    }

    @Test
    void hoursChangedForTheWholeBranch() {
        starts();
        more.timeOff(branch.companyId(), branch.id(), null, instant("09:00"), instant("17:00"));
        slotsChanged.fire(SlotsChanged.wholeBranch(branch.companyId(), branch.id()));
        assertEquals(List.of(), starts());
    }

    @Test
    void aBookingEventFromKafkaDropsTheOldAndTheNewDay() {
        LocalDate nextDay = day.plusDays(1);
        assertTrue(starts().contains(at("10:00")));
        assertTrue(starts(nextDay).contains(at(nextDay, "13:00")));

        // Rescheduled from the next day 13:00 to day 10:00 by another writer (rows changed behind the cache).
        Appointment moved = more.appointment(haircut, anna, instant("10:00"), AppointmentStatus.CONFIRMED, null);
        more.appointment(haircut, anna, LocalDateTime.of(nextDay, LocalTime.of(14, 0)).atZone(BERLIN).toInstant(),
                AppointmentStatus.CONFIRMED, null);
        assertTrue(starts().contains(at("10:00")), "still cached");

        Instant previousFrom = LocalDateTime.of(nextDay, LocalTime.of(13, 0)).atZone(BERLIN).toInstant();
        AppointmentData data = new AppointmentData(moved.id, moved.companyId, moved.branchId, moved.serviceId, moved.staffId,
                null, moved.startsAt, moved.endsAt, moved.blockedFrom, moved.blockedUntil, "confirmed", "api", null,
                previousFrom, previousFrom.plus(Duration.ofMinutes(30)));
        try (KafkaCompanion kafka = new KafkaCompanion(Devstack.shared().kafkaBootstrapServers())) {
            send(kafka, BookingEvents.APPOINTMENT_RESCHEDULED, data);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !starts().contains(at("10:00")));
        assertFalse(starts(nextDay).contains(at(nextDay, "14:00")), "the previous day was dropped too");
    }

    @Test
    void withoutRedisAvailabilityIsComputedFromTheDatabase() {
        assertTrue(starts().contains(at("10:00")));
        Devstack.shared().stopRedis();
        try {
            for (int i = 0; i < 5; i++) {
                assertTrue(starts().contains(at("10:00")));
            }
            // Invalidation fails quietly after the commit; the answer is still right, as nothing is cached.
            QuarkusTransaction.requiringNew().run(() -> {
                Appointment booked = more.appointmentInCurrentTransaction(haircut, anna, instant("10:00"),
                        AppointmentStatus.CONFIRMED, null);
                slotsChanged.fire(new SlotsChanged(booked.companyId, booked.branchId, booked.blockedFrom, booked.blockedUntil));
            });
            assertFalse(starts().contains(at("10:00")));
        } finally {
            Devstack.shared().startRedis();
        }
        // Redis back (empty): the breaker closes again after its delay and days are cached again.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            double hits = lookups("hit");
            starts();
            starts();
            assertTrue(lookups("hit") > hits);
        });
        assertFalse(starts().contains(at("10:00")));
    }

    private void send(KafkaCompanion kafka, String type, AppointmentData data) {
        String payload;
        try {
            payload = json.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ProducerRecord<String, String> record = CloudEventRecords.record(BookingEvents.TOPIC, data.id().toString(),
                UUID.randomUUID().toString(), type, "/callbook/booking", data.companyId(), payload);
        kafka.produceStrings().fromRecords(record).awaitCompletion();
    }

    /** Hits of either level: the days in Redis, or the answer kept ready in this replica. */
    private double lookups(String result) {
        return metrics.find("callbook.cache.lookups").tag("result", result).counters().stream()
                .filter(counter -> counter.getId().getTag("cache").startsWith("availability"))
                .mapToDouble(counter -> counter.count()).sum();
    }

    private List<String> starts() {
        return starts(day);
    }

    private List<String> starts(LocalDate date) {
        return given().auth().oauth2(TestTokens.agent(branch.companyId()))
                .queryParam("serviceId", haircut.id).queryParam("from", date.toString()).queryParam("to", date.toString())
                .get("/v1/branches/{id}/availability", branch.id())
                .then().statusCode(200).extract().jsonPath().getList("days[0].slots.start", String.class);
    }

    private Instant instant(String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    private String at(String time) {
        return at(day, time);
    }

    private static String at(LocalDate date, String time) {
        return LocalDateTime.of(date, LocalTime.parse(time)).atZone(BERLIN).toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
