package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.callbook.common.cache.OutageLog;
import io.callbook.webhook.calendar.domain.BookingRefused;
import io.callbook.webhook.calls.domain.CallLog;
import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceBooking.Customer;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlot;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlots;
import io.callbook.webhook.voice.domain.VoiceBooking.OfferedService;
import io.callbook.webhook.voice.domain.VoiceBooking.StaffMember;
import io.callbook.webhook.voice.domain.VoiceDirectory.DialledBranch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The custom functions the voice agent calls during a call. Every answer is a sentence the agent can speak, also when
 * an argument is missing, a slot is taken or a service cannot be reached in time: a caller on the phone is better
 * served by "I can't check that right now" than by silence. Answers carry only what the call needs (no e-mail
 * addresses), and customers and appointments are the caller's own unless the company allows more ({@link CallerScope}).
 * Sentences are in the branch's language ({@link SpokenLanguages}), and "morgen um 10" is understood
 * ({@link SpokenDates}).
 */
@ApplicationScoped
public class VoiceFunctions {

    public static final Set<String> NAMES = Set.of("check_availability", "book_appointment", "cancel_appointment",
            "find_customer", "reschedule_appointment", "list_my_appointments");
    /** What an unanswered booking notes for the next attempt: it may have been made. */
    private static final String BOOKING_IN_DOUBT = "booking-in-doubt";
    /** When booking-service is slow or away every call falls back: a line each cost 2 % of the CPU in the mix. */
    private final OutageLog fallbacks = new OutageLog(VoiceFunctions.class);
    private final Counter notAttempted;

    private final VoiceDirectory directory;
    private final VoiceBooking booking;
    private final CallLog callLog;
    private final VoiceConfig config;
    private final CallerScope scope;
    private final SpokenLanguages languages;
    private final IdempotencyKeys idempotencyKeys;
    private final UnansweredAttempts unanswered;
    private final CallBookings callBookings;
    /** Each dialled number's language, for the fallback answer: it gets the call's arguments, not the branch. */
    private final Cache<String, String> localeByNumber = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();

    public VoiceFunctions(VoiceDirectory directory, VoiceBooking booking, CallLog callLog, VoiceConfig config,
                          CallerScope scope, SpokenLanguages languages, ObjectMapper json,
                          UnansweredAttempts unanswered, CallBookings callBookings, MeterRegistry metrics) {
        this.directory = directory;
        this.booking = booking;
        this.callLog = callLog;
        this.config = config;
        this.scope = scope;
        this.languages = languages;
        this.idempotencyKeys = new IdempotencyKeys(json);
        this.unanswered = unanswered;
        this.callBookings = callBookings;
        this.notAttempted = Counter.builder("callbook.voice.functions.not.attempted")
                .description("Voice functions answered with the fallback at once: they waited too long for a thread")
                .register(metrics);
    }

    /**
     * One function call of one call: the branch dialled, what the agent passed, and the branch's language and clock.
     */
    private record Turn(DialledBranch branch, CallContext call, FunctionArgs args, JsonNode rawArgs, Spoken say,
                        ZoneId zone) {

        VoiceMessages messages() {
            return say.messages();
        }
    }

    /** @throws UnknownVoiceFunction for a function this service does not offer */
    @Timeout(900)
    @Fallback(fallbackMethod = "unavailable", skipOn = UnknownVoiceFunction.class)
    public VoiceAnswer call(String name, CallContext call, JsonNode args) {
        requireKnown(name);
        Optional<DialledBranch> branch = call.toNumber() == null ? Optional.empty()
                : directory.resolve(call.companyId(), call.toNumber())
                .filter(b -> call.companyId().equals(b.companyId()) && b.active());
        if (branch.isEmpty()) {
            return VoiceAnswer.say(languages.fallback().messages().unknownBusiness()).with("error", "unknown_number");
        }
        Spoken say = languages.of(branch.get());
        localeByNumber.put(call.companyId() + call.toNumber(), say.locale().toLanguageTag());
        ZoneId zone = ZoneId.of(branch.get().timeZone());
        Turn turn = new Turn(branch.get(), call, new FunctionArgs(args, say, LocalDate.now(zone)), args, say, zone);
        try {
            return switch (name) {
                case "check_availability" -> checkAvailability(turn);
                case "book_appointment" -> book(turn);
                case "cancel_appointment" -> cancel(turn);
                case "reschedule_appointment" -> reschedule(turn);
                case "list_my_appointments" -> listAppointments(turn);
                default -> findCustomer(turn);
            };
        } catch (AnswerInstead instead) {
            return instead.answer();
        }
    }

    /**
     * In the branch's language when the number was answered before, else in German. A booking that ran out of time
     * may still have been made: booking-service can finish it after we stopped waiting (under load a third of the
     * mix's bookings were). Its caller must not hear "can't check" for an appointment that exists, so the agent is
     * told to ask again with the same arguments, which books once and answers with the appointment. An open circuit
     * sends nothing, but an earlier attempt of the same booking may still have been made. Before it comes here, a
     * booking looks for that appointment among the call's booking events ({@link CallBookings}) and, when one is
     * there, answers with it.
     */
    VoiceAnswer unavailable(String name, CallContext call, JsonNode args, Throwable cause) {
        fallbacks.warn("Voice function %s of call %s answered with the fallback: %s (fallbacks are counted in the "
                + "fault-tolerance metrics; one in ten seconds is logged)", name, call.callId(), cause.toString());
        return fallback(name, call, args, !(cause instanceof CircuitBreakerOpenException));
    }

    /**
     * For a function that waited longer than {@link VoiceConfig#maxQueueWait()} for a thread: the fallback at once,
     * asking no service, as when the circuit to booking-service is open.
     *
     * @throws UnknownVoiceFunction for a function this service does not offer
     */
    public VoiceAnswer notAttempted(String name, CallContext call, JsonNode args) {
        requireKnown(name);
        notAttempted.increment();
        return fallback(name, call, args, false);
    }

    private static void requireKnown(String name) {
        if (!NAMES.contains(name)) {
            throw new UnknownVoiceFunction(name);
        }
    }

    /** @param mayHaveBeenSent whether booking-service may have received (and made) what it was asked */
    private VoiceAnswer fallback(String name, CallContext call, JsonNode args, boolean mayHaveBeenSent) {
        Spoken say = languages.of(localeByNumber.getIfPresent(call.companyId() + call.toNumber()));
        if (name.equals("book_appointment")) {
            String attempt = idempotencyKeys.of(call.callId(), name, args);
            if (mayHaveBeenSent) {
                unanswered.note(attempt, BOOKING_IN_DOUBT);
                return unconfirmed(say.messages());
            }
            if (earlierBookingInDoubt(attempt)) {
                return unconfirmed(say.messages());
            }
        }
        return VoiceAnswer.say(say.messages().unavailable()).with("error", "temporarily_unavailable");
    }

    private boolean earlierBookingInDoubt(String attempt) {
        try {
            return unanswered.noted(attempt).isPresent();
        } catch (UnansweredAttempts.AttemptsUnknown unknown) {
            return true;
        }
    }

    /** The appointment an unanswered attempt of the same cancellation chose; when that is unknown, none. */
    private Optional<UUID> cancelledUnanswered(String attempt) {
        try {
            return unanswered.noted(attempt).map(UUID::fromString);
        } catch (UnansweredAttempts.AttemptsUnknown unknown) {
            return Optional.empty();
        }
    }

    /** @param attempt null for an attempt that noted nothing */
    private void answered(String attempt) {
        if (attempt != null) {
            unanswered.forget(attempt);
        }
    }

    private static VoiceAnswer unconfirmed(VoiceMessages messages) {
        return VoiceAnswer.say(messages.bookingUnconfirmed()).with("error", "booking_unconfirmed");
    }

    private VoiceAnswer checkAvailability(Turn turn) {
        OfferedService service = service(turn);
        Optional<StaffMember> staff = staff(turn);
        LocalDate from = turn.args().date("date").or(() -> turn.args().date("from")).orElseThrow(() -> new AnswerInstead(
                VoiceAnswer.say(turn.messages().askDay()).with("missing", "date")));
        LocalDate to = turn.args().date("date").isPresent() ? from : turn.args().date("to").orElse(from);
        if (to.isBefore(from)) {
            to = from;
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.maxAvailabilityDays()) {
            to = from.plusDays(config.maxAvailabilityDays() - 1L);
        }
        DialledBranch branch = turn.branch();
        FreeSlots free = booking.freeSlots(branch.companyId(), branch.branchId(), service.id(), from, to,
                staff.map(StaffMember::id).orElse(null), Math.max(config.spokenSlots(), config.listedSlots()));
        List<FreeSlot> slots = free.earliest();
        String who = staff.map(s -> turn.messages().withStaff(s.name())).orElse("");
        Spoken say = turn.say();
        String sentence;
        if (slots.isEmpty()) {
            sentence = from.equals(to) ? turn.messages().noFreeTimeOn(service.name(), who, say.day(from))
                    : turn.messages().noFreeTimeBetween(service.name(), who, say.date(from), say.date(to));
        } else {
            ZonedDateTime first = slots.getFirst().start().atZoneSameInstant(turn.zone());
            List<String> times = slots.stream().map(s -> s.start().atZoneSameInstant(turn.zone()))
                    .filter(s -> s.toLocalDate().equals(first.toLocalDate()))
                    .limit(config.spokenSlots()).map(say::time).toList();
            sentence = turn.messages().freeAt(service.name(), who, say.day(first), say.either(times),
                    free.count() > times.size());
        }
        return VoiceAnswer.say(sentence)
                .with("service_id", service.id())
                .with("service_name", service.name())
                .with("staff_id", staff.map(StaffMember::id).orElse(null))
                .with("time_zone", branch.timeZone())
                .with("slot_count", free.count())
                .with("slots", slots.stream().limit(config.listedSlots()).map(s -> slot(s, turn.zone())).toList());
    }

    private VoiceAnswer book(Turn turn) {
        OfferedService service = service(turn);
        Optional<StaffMember> staff = staff(turn);
        VoiceMessages messages = turn.messages();
        OffsetDateTime start = turn.args().startIn(turn.zone(), messages::askStart, "start", "start_time");
        String name = turn.args().require(messages::askName, "customer_name", "name");
        CallContext call = turn.call();
        String phone = turn.args().text("customer_phone", "phone").map(CallContext::usable).orElse(call.callerNumber());
        String notes = phone == null ? messages.withheldBookingNote(name) : null;
        DialledBranch branch = turn.branch();
        var request = new VoiceBooking.NewAppointment(call.companyId(), branch.branchId(), service.id(),
                staff.map(StaffMember::id).orElse(null), start, phone, name, notes, call.callId());
        String key = idempotencyKeys.of(call.callId(), "book_appointment", turn.rawArgs());
        Appointment appointment;
        try {
            appointment = booking.book(request, key);
        } catch (BookingRefused refused) {
            if (refused.slotTaken()) {
                return alternatives(turn, service.id(), staff.map(StaffMember::id).orElse(null), start);
            }
            if (refused.inFlight()) { // the same booking, asked before, is still being made
                unanswered.note(key, BOOKING_IN_DOUBT);
                return unconfirmed(messages);
            }
            return VoiceAnswer.say(messages.bookingRefused()).with("error", refused.type())
                    .with("detail", refused.getMessage());
        } catch (RuntimeException noAnswer) { // a time-out, an outage or an open circuit: see unavailable()
            appointment = madeEarlier(call, request).orElseThrow(() -> noAnswer);
        }
        callLog.linkAppointment(call.companyId(), call.integrationId(), call.callId(), call.fromNumber(),
                call.toNumber(), branch.branchId(), appointment.id());
        return VoiceAnswer.say(messages.booked(service.name(), staff.map(s -> messages.withStaff(s.name())).orElse(""),
                        turn.say().day(appointment.start(), turn.zone()), turn.say().time(appointment.start(), turn.zone())))
                .with("appointment_id", appointment.id())
                .with("status", appointment.status())
                .with("start", appointment.start().atZone(turn.zone()).toOffsetDateTime())
                .with("end", appointment.end().atZone(turn.zone()).toOffsetDateTime())
                .with("service_id", appointment.serviceId())
                .with("staff_id", appointment.staffId());
    }

    /**
     * The appointment an earlier attempt of this booking made although its answer was lost, as booking-service's
     * events told it ({@link CallBookings}): booking-service itself did not answer this attempt either.
     */
    private Optional<Appointment> madeEarlier(CallContext call, VoiceBooking.NewAppointment request) {
        List<Appointment> made = callBookings.of(call.companyId(), call.callId());
        if (made.isEmpty()) {
            return Optional.empty();
        }
        return CallBookings.madeFor(request, made, callLog.linkedAppointments(call.companyId(), call.callId()));
    }

    /**
     * The free times nearest the one that was just taken, on the same day: for a new booking and for a move.
     *
     * @param staffId null for anyone who performs the service
     */
    private VoiceAnswer alternatives(Turn turn, UUID serviceId, UUID staffId, OffsetDateTime wanted) {
        ZoneId zone = turn.zone();
        DialledBranch branch = turn.branch();
        LocalDate day = wanted.atZoneSameInstant(zone).toLocalDate();
        List<FreeSlot> nearest;
        try {
            nearest = booking.freeSlots(branch.companyId(), branch.branchId(), serviceId, day, day, staffId,
                            Integer.MAX_VALUE)
                    .earliest().stream()
                    .sorted(Comparator.comparing(s -> Duration.between(wanted, s.start()).abs()))
                    .limit(config.spokenSlots())
                    .sorted(Comparator.comparing(FreeSlot::start))
                    .toList();
        } catch (RuntimeException e) {
            nearest = List.of();
        }
        Spoken say = turn.say();
        VoiceAnswer answer = nearest.isEmpty() ? VoiceAnswer.say(turn.messages().slotTaken())
                : VoiceAnswer.say(turn.messages().slotTakenTry(say.day(day),
                say.either(nearest.stream().map(s -> say.time(s.start(), zone)).toList())));
        return answer.with("error", "slot_taken").with("alternatives", nearest.stream().map(s -> slot(s, zone)).toList());
    }

    /**
     * Cancels the caller's appointment: the one named, else their next. An attempt without a name notes the appointment
     * it chose until it is answered: had an unanswered one cancelled the next appointment, the agent's next attempt
     * with the same arguments would find the one after it and cancel that too. Cancelling a cancelled appointment
     * changes nothing, so the next attempt cancels the noted one again and tells the caller. An answered attempt leaves
     * no note, so a caller who cancels two appointments one after the other can.
     */
    private VoiceAnswer cancel(Turn turn) {
        VoiceMessages messages = turn.messages();
        CallContext call = turn.call();
        UUID appointmentId;
        String attempt = null;
        Optional<String> named = turn.args().text("appointment_id");
        if (named.isPresent()) {
            appointmentId = appointmentId(turn, named.get());
            if (!scope.othersAllowed(call.companyId())) {
                requireCallers(turn, appointmentId);
            }
        } else {
            attempt = idempotencyKeys.of(call.callId(), "cancel_appointment", turn.rawArgs());
            appointmentId = cancelledUnanswered(attempt).orElseGet(() -> callersUpcoming(turn).stream().findFirst()
                    .map(Appointment::id).orElseThrow(() -> noAppointment(turn)));
            unanswered.note(attempt, appointmentId.toString());
        }
        Appointment cancelled;
        try {
            cancelled = booking.cancel(call.companyId(), appointmentId, messages.cancelledByCallerNote());
        } catch (BookingRefused refused) {
            answered(attempt);
            return refused.notFound()
                    ? VoiceAnswer.say(messages.unknownAppointment()).with("error", "unknown_appointment")
                    : VoiceAnswer.say(messages.cancelRefused()).with("error", refused.type())
                    .with("detail", refused.getMessage());
        }
        answered(attempt);
        return VoiceAnswer.say(messages.cancelled(turn.say().day(cancelled.start(), turn.zone()),
                        turn.say().time(cancelled.start(), turn.zone())))
                .with("appointment_id", cancelled.id())
                .with("status", cancelled.status())
                .with("start", cancelled.start().atZone(turn.zone()).toOffsetDateTime());
    }

    /**
     * Moves the caller's appointment (the one named, else their next) to a new start, keeping service and staff member
     * unless the agent names another. booking-service takes no Idempotency-Key for a move, and needs none: moving an
     * appointment to where it already is changes nothing. Without an id the provider's retry may find the caller's next
     * appointment to be another one by then, so an upcoming appointment already at the wanted start counts as the move
     * done.
     */
    private VoiceAnswer reschedule(Turn turn) {
        VoiceMessages messages = turn.messages();
        CallContext call = turn.call();
        Optional<StaffMember> staff = staff(turn);
        Optional<String> named = turn.args().text("appointment_id");
        List<Appointment> upcoming = List.of();
        Appointment current;
        if (named.isPresent()) {
            UUID id = appointmentId(turn, named.get());
            current = scope.othersAllowed(call.companyId())
                    ? booking.appointment(call.companyId(), id).orElseThrow(() -> unknownAppointment(turn))
                    : requireCallers(turn, id);
        } else {
            upcoming = callersUpcoming(turn);
            current = upcoming.stream().findFirst().orElseThrow(() -> noAppointment(turn));
        }
        Spoken say = turn.say();
        ZoneId zone = turn.zone();
        OffsetDateTime start = turn.args().startIn(zone, () -> messages.askNewStartFor(say.day(current.start(), zone),
                say.time(current.start(), zone)), "new_start", "start");
        UUID staffId = staff.map(StaffMember::id).orElse(null);
        Optional<Appointment> done = upcoming.stream()
                .filter(a -> a.start().equals(start.toInstant()) && (staffId == null || staffId.equals(a.staffId())))
                .findFirst();
        Appointment moved;
        try {
            moved = done.isPresent() ? done.get() : booking.reschedule(call.companyId(), current.id(), start, staffId);
        } catch (BookingRefused refused) {
            if (refused.slotTaken()) {
                return alternatives(turn, current.serviceId(), staffId == null ? current.staffId() : staffId, start);
            }
            if (refused.notFound()) {
                return unknownAppointment(turn).answer();
            }
            if (refused.type().endsWith("/not-reschedulable")) {
                return VoiceAnswer.say(messages.notReschedulable()).with("error", "not_reschedulable");
            }
            return VoiceAnswer.say(messages.rescheduleRefused()).with("error", refused.type())
                    .with("detail", refused.getMessage());
        }
        callLog.linkAppointment(call.companyId(), call.integrationId(), call.callId(), call.fromNumber(),
                call.toNumber(), turn.branch().branchId(), moved.id());
        return VoiceAnswer.say(messages.rescheduled(say.day(moved.start(), zone), say.time(moved.start(), zone)))
                .with("appointment_id", moved.id())
                .with("status", moved.status())
                .with("start", moved.start().atZone(zone).toOffsetDateTime())
                .with("end", moved.end().atZone(zone).toOffsetDateTime())
                .with("service_id", moved.serviceId())
                .with("staff_id", moved.staffId());
    }

    /**
     * The caller's next appointments, at most {@link VoiceConfig#listedAppointments}: a longer list is not listened to.
     * Service and staff by name, no customer data: the caller knows who they are.
     */
    private VoiceAnswer listAppointments(Turn turn) {
        VoiceMessages messages = turn.messages();
        List<Appointment> upcoming = callersUpcoming(turn);
        if (upcoming.isEmpty()) {
            return VoiceAnswer.say(messages.noAppointment()).with("count", 0).with("appointments", List.of());
        }
        List<Appointment> listed = upcoming.stream().limit(config.listedAppointments()).toList();
        UUID companyId = turn.call().companyId();
        Map<UUID, String> services = new HashMap<>();
        booking.services(companyId).forEach(s -> services.put(s.id(), s.name()));
        Map<UUID, String> staff = new HashMap<>();
        listed.stream().map(Appointment::branchId).distinct()
                .forEach(branch -> booking.staff(companyId, branch).forEach(s -> staff.put(s.id(), s.name())));
        Spoken say = turn.say();
        ZoneId zone = turn.zone();
        List<String> spoken = listed.stream().map(a -> messages.appointmentItem(services.getOrDefault(a.serviceId(), ""),
                staff.containsKey(a.staffId()) ? messages.withStaff(staff.get(a.staffId())) : "",
                say.day(a.start(), zone), say.time(a.start(), zone))).toList();
        List<Map<String, Object>> data = listed.stream().map(a -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("appointment_id", a.id());
            item.put("start", a.start().atZone(zone).toOffsetDateTime());
            item.put("service_name", services.get(a.serviceId()));
            item.put("staff_name", staff.get(a.staffId()));
            return item;
        }).toList();
        return VoiceAnswer.say(messages.appointments(listed.size(), messages.number(listed.size()), say.all(spoken),
                        upcoming.size() > listed.size()))
                .with("count", listed.size())
                .with("more", upcoming.size() > listed.size())
                .with("appointments", data);
    }

    /** The live appointments of the customer with the caller's number (or, if the company allows, the one named). */
    private List<Appointment> callersUpcoming(Turn turn) {
        return callersCustomer(turn, turn.messages().askBookingPhone())
                .map(customer -> booking.upcoming(turn.call().companyId(), customer.id(), Instant.now()))
                .orElse(List.of());
    }

    private static UUID appointmentId(Turn turn, String named) {
        try {
            return UUID.fromString(named);
        } catch (IllegalArgumentException notAnId) {
            throw unknownAppointment(turn);
        }
    }

    private static AnswerInstead unknownAppointment(Turn turn) {
        return new AnswerInstead(VoiceAnswer.say(turn.messages().unknownAppointment()).with("error", "unknown_appointment"));
    }

    private static AnswerInstead noAppointment(Turn turn) {
        return new AnswerInstead(VoiceAnswer.say(turn.messages().noAppointment()).with("error", "no_appointment"));
    }

    private VoiceAnswer findCustomer(Turn turn) {
        VoiceMessages messages = turn.messages();
        Optional<Customer> customer = callersCustomer(turn, messages.askCallerPhone());
        if (customer.isEmpty()) {
            return VoiceAnswer.say(messages.noCustomer()).with("found", false);
        }
        Customer found = customer.get();
        // Name and number only: no function takes a customer id, and an e-mail address is read out to whoever calls.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", found.name());
        data.put("phone", found.phone());
        return VoiceAnswer.say(found.name() == null || found.name().isBlank() ? messages.customerWithoutName()
                        : messages.customerIs(found.name()))
                .with("found", true).with("customer", data);
    }

    /**
     * An appointment named by id is cancelled only for the customer calling: ids are read out and passed on, and the
     * caller must not cancel or move someone else's by repeating one. Unknown and foreign appointments get the same
     * refusal.
     *
     * @return the caller's appointment
     */
    private Appointment requireCallers(Turn turn, UUID appointmentId) {
        CallContext call = turn.call();
        if (call.callerNumber() == null) {
            throw new AnswerInstead(CallerScope.withheld(turn.say()));
        }
        UUID callersCustomer = customerByPhone(turn, call.callerNumber()).map(Customer::id).orElse(null);
        return Optional.ofNullable(callersCustomer)
                .flatMap(customer -> booking.appointment(call.companyId(), appointmentId)
                        .filter(a -> customer.equals(a.customerId())))
                .orElseThrow(() -> new AnswerInstead(CallerScope.notCallers(turn.say())));
    }

    private Optional<Customer> callersCustomer(Turn turn, String askForPhone) {
        String phone = scope.number(turn.branch(), turn.say(), turn.call(),
                        turn.args().text("phone", "customer_phone").map(CallContext::usable))
                .orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(askForPhone).with("missing", "phone")));
        return customerByPhone(turn, phone);
    }

    private Optional<Customer> customerByPhone(Turn turn, String phone) {
        try {
            return booking.customerByPhone(turn.call().companyId(), phone, CallerScope.region(turn.branch()));
        } catch (BookingRefused refused) {
            throw new AnswerInstead(VoiceAnswer.say(turn.messages().invalidPhone()).with("error", "invalid_phone"));
        }
    }

    private OfferedService service(Turn turn) {
        List<OfferedService> offered = booking.services(turn.branch().companyId()).stream()
                .filter(OfferedService::active).toList();
        Supplier<String> services = () -> turn.say().all(offered.stream().map(OfferedService::name).toList());
        String wanted = turn.args().require(() -> turn.messages().askService(services.get()), "service", "service_id",
                "service_name");
        return SpokenNames.pick(wanted, offered, OfferedService::id, OfferedService::name).orElseThrow(() -> new AnswerInstead(
                VoiceAnswer.say(turn.messages().unknownService(wanted, services.get()))
                        .with("error", "unknown_service")
                        .with("services", offered.stream().map(OfferedService::name).toList())));
    }

    private Optional<StaffMember> staff(Turn turn) {
        Optional<String> wanted = turn.args().text("staff", "staff_id", "staff_name");
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        DialledBranch branch = turn.branch();
        List<StaffMember> members = booking.staff(branch.companyId(), branch.branchId()).stream()
                .filter(StaffMember::active).toList();
        return Optional.of(SpokenNames.pick(wanted.get(), members, StaffMember::id, StaffMember::name).orElseThrow(
                () -> new AnswerInstead(VoiceAnswer.say(turn.messages().unknownStaff(wanted.get(), branch.branchName()))
                        .with("error", "unknown_staff")
                        .with("staff", members.stream().map(StaffMember::name).toList()))));
    }

    /**
     * In the branch's zone, so the agent reads out the time on the salon's clock. Without the staff who can take it:
     * the agent books by a staff member's name and asks for that member's times by name, and twenty ids for each of
     * twenty slots made up most of the answer its language model has to read while the caller waits.
     */
    private static Map<String, Object> slot(FreeSlot slot, ZoneId zone) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("start", slot.start().atZoneSameInstant(zone).toOffsetDateTime());
        data.put("end", slot.end().atZoneSameInstant(zone).toOffsetDateTime());
        return data;
    }
}
