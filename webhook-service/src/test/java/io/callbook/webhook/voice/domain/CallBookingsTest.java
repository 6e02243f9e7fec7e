package io.callbook.webhook.voice.domain;

import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceBooking.NewAppointment;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallBookingsTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final UUID BRANCH = UUID.randomUUID();
    private static final UUID HAIRCUT = UUID.randomUUID();
    private static final UUID ANNA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final OffsetDateTime TEN = OffsetDateTime.parse("2026-12-14T10:00+01:00");

    @Test
    void theAppointmentOfTheSameBranchServiceAndStartAnswersTheBooking() {
        Appointment made = made(HAIRCUT, BEN, TEN);
        List<Appointment> call = List.of(made(UUID.randomUUID(), BEN, TEN), made(HAIRCUT, BEN, TEN.plusHours(1)), made);

        assertEquals(Optional.of(made), CallBookings.madeFor(wanted(null, TEN), call, Set.of()));
        // the same instant written in another offset is the same start
        assertEquals(Optional.of(made), CallBookings.madeFor(wanted(null,
                TEN.withOffsetSameInstant(ZoneOffset.UTC)), call, Set.of()));
    }

    @Test
    void aNamedStaffMemberMustBeTheAppointments() {
        List<Appointment> call = List.of(made(HAIRCUT, BEN, TEN));

        assertEquals(Optional.empty(), CallBookings.madeFor(wanted(ANNA, TEN), call, Set.of()));
        assertEquals(Optional.of(call.getFirst()), CallBookings.madeFor(wanted(BEN, TEN), call, Set.of()));
    }

    @Test
    void anAppointmentTheCallWasToldOfAnswersNoOtherBooking() {
        Appointment first = made(HAIRCUT, ANNA, TEN);
        Appointment second = made(HAIRCUT, BEN, TEN);

        assertEquals(Optional.of(second), CallBookings.madeFor(wanted(null, TEN), List.of(first, second),
                Set.of(first.id())));
        assertEquals(Optional.empty(), CallBookings.madeFor(wanted(null, TEN), List.of(first), Set.of(first.id())));
    }

    private static NewAppointment wanted(UUID staff, OffsetDateTime start) {
        return new NewAppointment(COMPANY, BRANCH, HAIRCUT, staff, start, "+4917012345678", "Clara Meyer", null,
                "call-1");
    }

    private static Appointment made(UUID service, UUID staff, OffsetDateTime start) {
        return new Appointment(UUID.randomUUID(), BRANCH, service, staff, UUID.randomUUID(), "confirmed",
                start.toInstant(), start.plusMinutes(30).toInstant());
    }
}
