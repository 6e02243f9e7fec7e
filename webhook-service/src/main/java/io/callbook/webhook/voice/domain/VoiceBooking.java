package io.callbook.webhook.voice.domain;

import io.callbook.webhook.calendar.domain.BookingRefused;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the voice functions ask of booking-service. A request booking-service refuses (4xx) surfaces as
 * {@link BookingRefused}; any other failure (timeout, outage, open circuit) as another runtime exception.
 */
public interface VoiceBooking {

    /** The source booking-service records for an appointment booked by the voice agent; its reference is the call. */
    String SOURCE = "voice";

    List<OfferedService> services(UUID companyId);

    List<StaffMember> staff(UUID companyId, UUID branchId);

    /**
     * The free slots from {@code from} to {@code to} (dates of the branch's zone), earliest first.
     *
     * @param staffId  null for anyone who performs the service
     * @param earliest how many of the earliest slots to return whole; the others are only counted
     */
    FreeSlots freeSlots(UUID companyId, UUID branchId, UUID serviceId, LocalDate from, LocalDate to, UUID staffId,
                        int earliest);

    /** @param idempotencyKey the same key and request return the appointment booked the first time */
    Appointment book(NewAppointment appointment, String idempotencyKey);

    Appointment cancel(UUID companyId, UUID appointmentId, String reason);

    /** @return empty when the company has no appointment of this id */
    Optional<Appointment> appointment(UUID companyId, UUID appointmentId);

    /** Live appointments of the customer starting from {@code from}, earliest first. */
    List<Appointment> upcoming(UUID companyId, UUID customerId, Instant from);

    /** @param region how to read a national number, e.g. DE; null for booking-service's default */
    Optional<Customer> customerByPhone(UUID companyId, String phone, String region);

    /** @param price null when the business names none; in {@code currency} (ISO 4217), e.g. 35.00 EUR */
    record OfferedService(UUID id, String name, int durationMinutes, boolean active, BigDecimal price, String currency) {
    }

    record StaffMember(UUID id, String name, boolean active) {
    }

    record FreeSlot(OffsetDateTime start, OffsetDateTime end) {
    }

    /** @param count how many slots are free, {@code earliest} among them */
    record FreeSlots(List<FreeSlot> earliest, int count) {
    }

    /** @param customerPhone null books without a customer (the caller withheld the number and named none) */
    record NewAppointment(UUID companyId, UUID branchId, UUID serviceId, UUID staffId, OffsetDateTime start,
                          String customerPhone, String customerName, String notes, String callId) {
    }

    record Appointment(UUID id, UUID branchId, UUID serviceId, UUID staffId, UUID customerId, String status,
                       Instant start, Instant end) {
    }

    /** What a call needs to know of a customer; booking-service does not tell the agent more. */
    record Customer(UUID id, String name, String phone) {
    }

    // Rescheduling and listing

    /**
     * Moves a live appointment to another start, keeping its service and length. Moving it to the start and staff
     * member it already has changes nothing and returns it, so a retried move is harmless.
     *
     * @param staffId another staff member of the branch; null keeps the appointment's own
     */
    Appointment reschedule(UUID companyId, UUID appointmentId, OffsetDateTime start, UUID staffId);

    // Inbound hook: the caller and the business

    /**
     * When the branch is open on {@code date} (a date of the branch's zone): while at least one of its staff works and
     * is not away. Sorted; empty when the branch is closed that day.
     */
    List<Opening> openingHours(UUID companyId, UUID branchId, LocalDate date);

    /** A half-open range of real time when the branch is open. */
    record Opening(Instant start, Instant end) {
    }
}
