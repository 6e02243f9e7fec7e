package io.callbook.booking.appointment.api;

import io.callbook.booking.appointment.domain.Appointment;
import io.callbook.booking.appointment.domain.BookAppointment;
import io.callbook.booking.customer.domain.Customer;
import io.callbook.common.api.Problem;
import io.callbook.common.api.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the appointment API. */
public final class AppointmentDtos {

    private AppointmentDtos() {
    }

    @Schema(description = "A booking. Give customerId or customer (found or created by phone), or neither.")
    public record BookRequest(
            @Schema(required = true) UUID branchId,
            @Schema(required = true) UUID serviceId,
            @Schema(description = "Omit to book any free staff member of the branch who performs the service") UUID staffId,
            @Schema(required = true, description = "ISO-8601 with offset, e.g. 2026-05-04T10:00:00+02:00", format = "date-time") String start,
            UUID customerId,
            CustomerRequest customer,
            @Schema(maxLength = 2000) String notes,
            @Schema(enumeration = {"api", "web", "voice", "calendar"}, defaultValue = "api") String source,
            @Schema(maxLength = 200, description = "The caller's own id of the booking, e.g. a calendar uid (unique per company for source calendar)") String externalRef,
            @Schema(description = "true: hold the slot briefly (status held) until confirmed") Boolean hold,
            @Schema(description = "false: book as pending instead of confirmed", defaultValue = "true") Boolean confirm) {

        /**
         * @throws io.callbook.booking.appointment.domain.InvalidBookingValue naming the first field that is missing or
         *                                                                    malformed
         */
        BookAppointment toCommand() {
            return BookAppointment.parse(branchId, serviceId, staffId, start, customerId,
                    customer == null ? null : new BookAppointment.Customer(customer.phone(), customer.name(), customer.email()),
                    notes, source, externalRef, hold, confirm);
        }
    }

    public record CustomerRequest(
            @Schema(required = true, description = "E.164, or national format read in the branch's region") String phone,
            @Schema(maxLength = 200) String name,
            @Schema(maxLength = 320) String email) {
    }

    public record BatchRequest(@Schema(required = true) List<BookRequest> items) {
    }

    public record BatchResponse(List<AppointmentResponse> items) {
    }

    public record RescheduleRequest(
            @Schema(required = true, description = "New start, ISO-8601 with offset", format = "date-time") String start,
            @Schema(description = "Another staff member of the same branch; omit to keep the current one") UUID staffId,
            @Schema(maxLength = 200, description = "The booking's new reference at its source, e.g. the calendar uid a "
                    + "rescheduled calendar booking got (unique per company for source calendar); omit to keep it") String externalRef) {
    }

    public record CancelRequest(@Schema(maxLength = 500) String reason) {
    }

    public record StatusRequest(
            @Schema(required = true, enumeration = {"pending", "confirmed", "completed", "no_show", "cancelled"}) String status,
            @Schema(maxLength = 500, description = "Cancellation reason") String reason) {
    }

    public record AppointmentResponse(UUID id, UUID companyId, UUID branchId, UUID serviceId, UUID staffId,
                                      UUID customerId, String status, Instant start, Instant end, Instant blockedFrom,
                                      Instant blockedUntil, Instant holdExpiresAt, String source, String externalRef,
                                      String notes, String cancellationReason, Instant createdAt, Instant updatedAt,
                                      long version) {
        static AppointmentResponse of(Appointment a) {
            return new AppointmentResponse(a.id, a.companyId, a.branchId, a.serviceId, a.staffId, a.customerId,
                    a.status.dbValue(), a.startsAt, a.endsAt, a.blockedFrom, a.blockedUntil, a.holdExpiresAt,
                    a.source.dbValue(), a.externalRef, a.notes, a.cancellationReason, a.createdAt, a.updatedAt, a.version);
        }
    }

    /** The keyset cursor: start and id of the last row shown, opaque to clients. */
    record Cursor(Instant start, UUID id) {

        static String of(Appointment a) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((a.startsAt + "_" + a.id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.UTF_8).split("_", 2);
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | DateTimeException | ArrayIndexOutOfBoundsException e) {
                throw badRequest("after is not a cursor this API returned");
            }
        }
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", detail));
    }
}
