package io.callbook.booking.schedule.api;

import io.callbook.booking.AvailabilityFixtures;
import io.callbook.booking.BookingFixtures;
import io.callbook.booking.catalog.domain.HoursKind;
import io.callbook.booking.catalog.domain.Staff;
import io.callbook.common.contracts.directory.BranchData;
import io.callbook.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A branch's opening hours on a date: the union of its staff's working time, less their time off. */
@QuarkusTest
class OpeningHoursTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    BookingFixtures fixtures;

    @Inject
    AvailabilityFixtures more;

    private BranchData branch;
    private Staff anna;
    private LocalDate day;

    @BeforeEach
    void branchWithOneHairdresser() {
        branch = fixtures.branch("Europe/Berlin");
        anna = fixtures.staff(branch, Set.of());
        fixtures.everyDayNineToFive(anna); // 09:00–17:00 with a break 12:00–13:00
        day = LocalDate.now(BERLIN).plusDays(10);
    }

    @Test
    void theBranchIsOpenWhileAnyoneWorks() {
        assertOpen(hours(day), List.of("09:00", "12:00", "13:00", "17:00"));
        Staff late = fixtures.staff(branch, Set.of());
        fixtures.hours(late, day.getDayOfWeek(), HoursKind.WORK, "12:00", "19:00");
        assertOpen(hours(day).body("timeZone", equalTo("Europe/Berlin")).body("date", equalTo(day.toString()))
                .body("branchId", equalTo(branch.id().toString())), List.of("09:00", "19:00"));
    }

    @Test
    void timeOffAndTheDatesOwnHoursCount() {
        more.timeOff(branch.companyId(), branch.id(), anna, at(day, "08:00"), at(day, "10:30"));
        assertOpen(hours(day), List.of("10:30", "12:00", "13:00", "17:00"));

        LocalDate changed = day.plusDays(1);
        more.override(anna, changed, HoursKind.WORK, "10:00", "14:00");
        assertOpen(hours(changed), List.of("10:00", "14:00"));

        LocalDate holiday = day.plusDays(2);
        more.timeOff(branch.companyId(), branch.id(), null, holiday.atStartOfDay(BERLIN).toInstant(),
                holiday.plusDays(1).atStartOfDay(BERLIN).toInstant());
        hours(holiday).body("open", empty());
    }

    @Test
    void withoutAnyoneAtWorkTheBranchIsClosed() {
        QuarkusTransaction.requiringNew().run(() -> Staff.update("active = false where id = ?1", anna.id));
        hours(day).body("open", empty());
    }

    @Test
    void onlyTheCompanysOwnBranchesAreAnswered() {
        asked(given().auth().oauth2(TestTokens.tenantAdmin(branch.companyId())), branch.id(), day).statusCode(200);
        asked(given().auth().oauth2(TestTokens.agent(UUID.randomUUID())), branch.id(), day).statusCode(404);
        asked(given().auth().oauth2(TestTokens.agent(branch.companyId())), UUID.randomUUID(), day).statusCode(404)
                .contentType("application/problem+json");
        asked(given().auth().oauth2(TestTokens.agent(branch.companyId())), branch.id(), null).statusCode(400);
        asked(given(), branch.id(), day).statusCode(401);
    }

    private ValidatableResponse hours(LocalDate date) {
        return asked(given().auth().oauth2(TestTokens.agent(branch.companyId())), branch.id(), date).statusCode(200);
    }

    private ValidatableResponse asked(RequestSpecification request, UUID branchId, LocalDate date) {
        if (date != null) {
            request.queryParam("date", date.toString());
        }
        return request.get("/v1/companies/{c}/branches/{b}/opening-hours", branch.companyId(), branchId).then();
    }

    /** @param times start, end, start, end, ... on the wall clock of {@link #day}'s date in Berlin */
    private void assertOpen(ValidatableResponse response, List<String> times) {
        List<String> starts = response.extract().path("open.start");
        List<String> ends = response.extract().path("open.end");
        List<String> said = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            said.add(OffsetDateTime.parse(starts.get(i)).atZoneSameInstant(BERLIN).toLocalTime().toString());
            said.add(OffsetDateTime.parse(ends.get(i)).atZoneSameInstant(BERLIN).toLocalTime().toString());
        }
        assertEquals(times, said);
    }

    private static Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }
}
