package io.callbook.webhook.voice.infra;

import io.callbook.webhook.calendar.domain.BookingRefused;
import io.callbook.webhook.calendar.domain.CalendarBookings;
import io.callbook.webhook.integration.domain.BookingCatalog;
import io.callbook.webhook.voice.domain.VoiceBooking;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * booking-service for the voice functions and calendar sync, as the tenant's agent. A 4xx answer (but 429) is booking-service saying no
 * ({@link BookingRefused}, which leaves the circuit closed); anything else failing counts against the circuit.
 * The catalog (services, staff) is kept briefly: it changes rarely and is asked for by nearly every function.
 * Timeout and circuit breaker: {@code io.callbook.webhook.voice.infra.BookingGateway/Timeout/value} and
 * {@code .../CircuitBreaker/...}.
 */
@ApplicationScoped
@Timeout(600)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = BookingRefused.class)
public class BookingGateway implements VoiceBooking, CalendarBookings, BookingCatalog {

    private static final int PAGE = 200;
    private static final String LIVE = "confirmed,pending,held";
    private static final String CALENDAR = "calendar";

    private final BookingClient booking;
    private final ServiceTokens tokens;

    public BookingGateway(@RestClient BookingClient booking, ServiceTokens tokens) {
        this.booking = booking;
        this.tokens = tokens;
    }

    @Override
    @CacheResult(cacheName = "voice-services")
    public List<OfferedService> services(UUID companyId) {
        return refusals(() -> booking.services(companyId, PAGE, tokens.authorization(companyId)).items().stream()
                .map(s -> new OfferedService(s.id(), s.name(), s.durationMinutes(), s.active(),
                        price(s.priceCents(), s.currency()), s.currency())).toList());
    }

    @Override
    @CacheResult(cacheName = "voice-staff")
    public List<StaffMember> staff(UUID companyId, UUID branchId) {
        return refusals(() -> booking.staff(companyId, branchId, PAGE, tokens.authorization(companyId)).items().stream()
                .map(s -> new StaffMember(s.id(), s.name(), s.active())).toList());
    }

    @Override
    public FreeSlots freeSlots(UUID companyId, UUID branchId, UUID serviceId, LocalDate from, LocalDate to,
                               UUID staffId, int earliest) {
        return freeSlots(refusals(() -> booking.availability(branchId, serviceId, from, to, staffId,
                tokens.authorization(companyId))), earliest);
    }

    static FreeSlots freeSlots(BookingClient.Availability availability, int earliest) {
        List<BookingClient.Availability.Slot> all = availability.days().stream()
                .flatMap(day -> day.slots() == null ? Stream.empty() : day.slots().stream()).toList();
        List<FreeSlot> kept = all.stream().limit(earliest)
                .map(slot -> new FreeSlot(slotTime(slot.start()), slotTime(slot.end())))
                .toList();
        return new FreeSlots(kept, all.size());
    }

    /** The layout booking-service writes a slot's time in: {@code 0} a digit, {@code +} the offset's sign. */
    private static final String SLOT_TIME_LAYOUT = "0000-00-00T00:00:00+00:00";

    /**
     * booking-service writes a slot's time as {@code 2026-12-01T09:00:00+01:00}. {@link OffsetDateTime#parse} reads
     * any ISO form through a {@code DateTimeFormatter}, and forty of those per check_availability were 3.6 % of
     * webhook-service's sampled CPU under the voice bench; that one layout is read by position instead. Any other text
     * (a UTC "Z", fractions of a second, a malformed time) takes the general route, with its errors.
     */
    static OffsetDateTime slotTime(String text) {
        if (hasSlotTimeLayout(text)) {
            int offsetSeconds = (number(text, 20, 22) * 60 + number(text, 23, 25)) * 60;
            try {
                return OffsetDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19), 0,
                        ZoneOffset.ofTotalSeconds(text.charAt(19) == '-' ? -offsetSeconds : offsetSeconds));
            } catch (DateTimeException outOfRange) {
                // the general route below reports it as a parse error at its position
            }
        }
        return OffsetDateTime.parse(text);
    }

    private static boolean hasSlotTimeLayout(String text) {
        if (text.length() != SLOT_TIME_LAYOUT.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char expected = SLOT_TIME_LAYOUT.charAt(i);
            char c = text.charAt(i);
            boolean fits = switch (expected) {
                case '0' -> c >= '0' && c <= '9';
                case '+' -> c == '+' || c == '-';
                default -> c == expected;
            };
            if (!fits) {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    @Override
    public Appointment book(NewAppointment a, String idempotencyKey) {
        var body = new BookingClient.Booking(a.branchId(), a.serviceId(), a.staffId(), a.start().toString(),
                a.customerPhone() == null ? null : new BookingClient.Person(a.customerPhone(), a.customerName(), null),
                a.notes(), VoiceBooking.SOURCE, a.callId());
        return appointment(book(a.companyId(), body, idempotencyKey));
    }

    @Override
    public Appointment cancel(UUID companyId, UUID appointmentId, String reason) {
        return appointment(cancelled(companyId, appointmentId, reason));
    }

    @Override
    public Optional<Appointment> appointment(UUID companyId, UUID appointmentId) {
        try {
            return Optional.of(appointment(refusals(() -> booking.appointment(appointmentId,
                    tokens.authorization(companyId)))));
        } catch (BookingRefused refused) {
            if (refused.notFound()) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    @Override
    public List<Appointment> upcoming(UUID companyId, UUID customerId, Instant from) {
        return refusals(() -> booking.appointments(customerId, from, LIVE, 10, tokens.authorization(companyId)))
                .items().stream().map(BookingGateway::appointment).toList();
    }

    @Override
    public Optional<Customer> customerByPhone(UUID companyId, String phone, String region) {
        return refusals(() -> booking.customers(companyId, phone, region, tokens.authorization(companyId)))
                .items().stream().findFirst()
                .map(c -> new Customer(c.id(), c.name(), c.phone()));
    }

    @Override
    public Optional<CalendarAppointment> findCalendarBooking(UUID companyId, String uid) {
        return refusals(() -> booking.bySource(CALENDAR, uid, 1, tokens.authorization(companyId))).items().stream()
                .findFirst().map(BookingGateway::calendarAppointment);
    }

    @Override
    public CalendarAppointment bookCalendarBooking(NewCalendarAppointment a, String idempotencyKey) {
        var body = new BookingClient.Booking(a.branchId(), a.serviceId(), a.staffId(), a.start().toString(),
                a.customerPhone() == null ? null
                        : new BookingClient.Person(a.customerPhone(), a.customerName(), a.customerEmail()),
                a.notes(), CALENDAR, a.uid());
        return calendarAppointment(book(a.companyId(), body, idempotencyKey));
    }

    @Override
    public CalendarAppointment moveCalendarBooking(UUID companyId, UUID appointmentId, OffsetDateTime start, String uid) {
        return calendarAppointment(refusals(() -> booking.reschedule(appointmentId,
                new BookingClient.Rescheduling(start.toString(), uid), tokens.authorization(companyId))));
    }

    @Override
    public CalendarAppointment cancelCalendarBooking(UUID companyId, UUID appointmentId, String reason) {
        return calendarAppointment(cancelled(companyId, appointmentId, reason));
    }

    @Override
    public Optional<CatalogService> service(UUID companyId, UUID serviceId) {
        return found(() -> booking.service(companyId, serviceId, tokens.authorization(companyId)))
                .map(s -> new CatalogService(s.id(), s.active()));
    }

    @Override
    public Optional<CatalogStaff> staffMember(UUID companyId, UUID staffId) {
        return found(() -> booking.staffMember(companyId, staffId, tokens.authorization(companyId)))
                .map(s -> new CatalogStaff(s.id(), s.branchId(), s.serviceIds() == null ? Set.of() : s.serviceIds(),
                        s.active()));
    }

    /** booking-service has no branch endpoint; a day's availability answers 404 exactly when it knows no such branch. */
    @Override
    public boolean branchExists(UUID companyId, UUID branchId, UUID serviceId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return found(() -> booking.availability(branchId, serviceId, today, today, null,
                tokens.authorization(companyId))).isPresent();
    }

    private BookingClient.Appointment book(UUID companyId, BookingClient.Booking body, String idempotencyKey) {
        return refusals(() -> booking.book(idempotencyKey, body, tokens.authorization(companyId)));
    }

    private BookingClient.Appointment cancelled(UUID companyId, UUID appointmentId, String reason) {
        return refusals(() -> booking.cancel(appointmentId, new BookingClient.Cancellation(reason),
                tokens.authorization(companyId)));
    }

    private static CalendarAppointment calendarAppointment(BookingClient.Appointment a) {
        return new CalendarAppointment(a.id(), a.status(), a.start(), a.externalRef());
    }

    private static Appointment appointment(BookingClient.Appointment a) {
        return new Appointment(a.id(), a.branchId(), a.serviceId(), a.staffId(), a.customerId(), a.status(), a.start(),
                a.end());
    }

    /** 404 is booking-service saying there is no such thing; other answers as {@link #refusals}. */
    private static <T> Optional<T> found(Supplier<T> call) {
        return refusals(() -> {
            try {
                return Optional.of(call.get());
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    private static <T> T refusals(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            Response response = e.getResponse();
            // 429 is booking-service busy, not saying no: like an outage, it ends in the "can't check" fallback.
            if (response.getStatus() >= 400 && response.getStatus() < 500 && response.getStatus() != 429) {
                BookingClient.Problem problem = problem(response);
                throw new BookingRefused(response.getStatus(), problem == null ? null : problem.type(),
                        problem == null || problem.detail() == null ? "booking-service answered " + response.getStatus()
                                : problem.detail());
            }
            throw e;
        }
    }

    private static BookingClient.Problem problem(Response response) {
        try {
            return response.readEntity(BookingClient.Problem.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    // Rescheduling and listing

    @Override
    public Appointment reschedule(UUID companyId, UUID appointmentId, OffsetDateTime start, UUID staffId) {
        return appointment(refusals(() -> booking.move(appointmentId, new BookingClient.Move(start.toString(), staffId),
                tokens.authorization(companyId))));
    }

    // Inbound hook: the caller and the business

    /** Asked on every inbound call; a branch's hours change rarely, and open_now is worked out from them each time. */
    @Override
    @CacheResult(cacheName = "voice-opening-hours")
    public List<Opening> openingHours(UUID companyId, UUID branchId, LocalDate date) {
        return refusals(() -> booking.openingHours(companyId, branchId, date, tokens.authorization(companyId))).open()
                .stream().map(range -> new Opening(range.start().toInstant(), range.end().toInstant())).toList();
    }

    /** booking-service keeps prices in the currency's minor unit ("cents"): 3500 EUR is 35.00 €, 3500 JPY is 3500 ¥. */
    private static BigDecimal price(Long minorUnits, String currency) {
        if (minorUnits == null) {
            return null;
        }
        int digits = 2;
        try {
            digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownCurrency) {
            // booking-service checks the code's shape only; two digits are what most currencies use
        }
        return BigDecimal.valueOf(minorUnits, digits);
    }
}
