package io.callbook.booking.appointment.domain;

import io.callbook.booking.branch.domain.BranchReplica;
import io.callbook.booking.customer.domain.Customer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a booking command and its idempotency fingerprint, without a running service. */
class BookAppointmentTest {

    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID SERVICE = UUID.randomUUID();

    private static BookAppointment parse(String start, String notes, String phone) {
        return BookAppointment.parse(BRANCH, SERVICE, null, start, null, new BookAppointment.Customer(phone, "Erika", null),
                notes, null, null, null, null);
    }

    @Test
    void theFingerprintIgnoresSpellingButNotMeaning() {
        String berlin = parse("2030-05-04T10:00:00+02:00", "n", "+49 30 1234567").fingerprint();
        assertEquals(berlin, parse("2030-05-04T08:00Z", " n ", " +49 30 1234567").fingerprint());
        assertNotEquals(berlin, parse("2030-05-04T10:00:00+01:00", "n", "+49 30 1234567").fingerprint());
        assertNotEquals(berlin, parse("2030-05-04T10:00:00+02:00", "m", "+49 30 1234567").fingerprint());
        assertNotEquals(berlin, parse("2030-05-04T10:00:00+02:00", null, "+49 30 1234567").fingerprint());
    }

    @Test
    void fieldsCannotBleedIntoEachOther() {
        BookAppointment a = new BookAppointment(BRANCH, SERVICE, null, Instant.EPOCH, null, null, "ab", AppointmentSource.API,
                "c", false, true);
        BookAppointment b = new BookAppointment(BRANCH, SERVICE, null, Instant.EPOCH, null, null, "a", AppointmentSource.API,
                "bc", false, true);
        assertNotEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void defaultsAreApiAndConfirmed() {
        BookAppointment command = parse("2030-05-04T10:00:00+02:00", null, "+4930123456");
        assertEquals(AppointmentSource.API, command.source());
        assertEquals(AppointmentStatus.CONFIRMED, command.initialStatus());
        BookAppointment pending = BookAppointment.parse(BRANCH, SERVICE, null, "2030-05-04T10:00:00+02:00", null, null,
                null, "VOICE", null, false, false);
        assertEquals(AppointmentStatus.PENDING, pending.initialStatus());
        assertEquals(AppointmentSource.VOICE, pending.source());
        BookAppointment hold = BookAppointment.parse(BRANCH, SERVICE, null, "2030-05-04T10:00:00+02:00", null, null,
                null, null, null, true, false);
        assertEquals(AppointmentStatus.HELD, hold.initialStatus());
    }

    @Test
    void aStartWithoutOffsetIsRefused() {
        InvalidBookingValue e = assertThrows(InvalidBookingValue.class, () -> parse("2030-05-04T10:00:00", null, "+4930123456"));
        assertTrue(e.detail().startsWith("start must be an ISO-8601 date-time with offset"), e.detail());
    }

    @Test
    void aStartBeyondTheYear9999IsRefused() {
        for (String start : new String[] {"+999999999-12-31T23:59:59.999999999-18:00", "-999999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"}) {
            InvalidBookingValue e = assertThrows(InvalidBookingValue.class, () -> parse(start, null, "+4930123456"));
            assertTrue(e.detail().startsWith("start must lie in the years 1 to 9999"), e.detail());
        }
        assertEquals(Instant.parse("9999-12-31T22:59:59Z"), parse("9999-12-31T23:59:59+01:00", null, "+4930123456").start());
    }

    @Test
    void theRegionComesFromTheBranchLocale() {
        assertEquals("AT", BookingRules.region(branch("de-AT")));
        assertEquals("DE", BookingRules.region(branch("und-DE")));
        assertEquals("DE", BookingRules.region(branch("de")));
        assertEquals("DE", BookingRules.region(branch(null)));
    }

    private static BranchReplica branch(String locale) {
        BranchReplica branch = new BranchReplica();
        branch.locale = locale;
        return branch;
    }
}
