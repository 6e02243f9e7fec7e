package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.webhook.calendar.domain.BookingRefused;
import io.callbook.webhook.calls.domain.CallLog;
import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceBooking.Customer;
import io.callbook.webhook.voice.domain.VoiceBooking.FreeSlot;
import io.callbook.webhook.voice.domain.VoiceBooking.OfferedService;
import io.callbook.webhook.voice.domain.VoiceBooking.StaffMember;
import io.callbook.webhook.voice.domain.VoiceDirectory.DialledBranch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The custom functions the voice agent calls during a call. Every answer is a sentence the agent can speak, also when
 * an argument is missing, a slot is taken or a service cannot be reached in time: a caller on the phone is better
 * served by "I can't check that right now" than by silence. Answers carry only what the call needs (no e-mail
 * addresses), and customers and appointments are the caller's own unless the company allows more ({@link CallerScope}).
 */
@ApplicationScoped
public class VoiceFunctions {

    public static final Set<String> NAMES = Set.of("check_availability", "book_appointment", "cancel_appointment",
            "find_customer");
    static final String UNAVAILABLE = "I'm sorry, I can't check that right now. Please try again in a moment.";
    private static final String UNKNOWN_BUSINESS = "I'm sorry, I can't tell which business this call is for.";
    private static final Logger LOG = Logger.getLogger(VoiceFunctions.class);

    private final VoiceDirectory directory;
    private final VoiceBooking booking;
    private final CallLog callLog;
    private final VoiceConfig config;
    private final CallerScope scope;
    private final IdempotencyKeys idempotencyKeys;

    public VoiceFunctions(VoiceDirectory directory, VoiceBooking booking, CallLog callLog, VoiceConfig config,
                          CallerScope scope, ObjectMapper json) {
        this.directory = directory;
        this.booking = booking;
        this.callLog = callLog;
        this.config = config;
        this.scope = scope;
        this.idempotencyKeys = new IdempotencyKeys(json);
    }

    /** @throws UnknownVoiceFunction for a function this service does not offer */
    @Timeout(900)
    @Fallback(fallbackMethod = "unavailable", skipOn = UnknownVoiceFunction.class)
    public VoiceAnswer call(String name, CallContext call, JsonNode args) {
        if (!NAMES.contains(name)) {
            throw new UnknownVoiceFunction(name);
        }
        Optional<DialledBranch> branch = call.toNumber() == null ? Optional.empty()
                : directory.resolve(call.companyId(), call.toNumber())
                .filter(b -> call.companyId().equals(b.companyId()) && b.active());
        if (branch.isEmpty()) {
            return VoiceAnswer.say(UNKNOWN_BUSINESS).with("error", "unknown_number");
        }
        FunctionArgs arguments = new FunctionArgs(args);
        try {
            return switch (name) {
                case "check_availability" -> checkAvailability(branch.get(), arguments);
                case "book_appointment" -> book(branch.get(), call, arguments, args);
                case "cancel_appointment" -> cancel(branch.get(), call, arguments);
                default -> findCustomer(branch.get(), call, arguments);
            };
        } catch (AnswerInstead instead) {
            return instead.answer();
        }
    }

    VoiceAnswer unavailable(String name, CallContext call, JsonNode args, Throwable cause) {
        LOG.warnf("Voice function %s of call %s answered with the fallback: %s", name, call.callId(), cause.toString());
        return VoiceAnswer.say(UNAVAILABLE).with("error", "temporarily_unavailable");
    }

    private VoiceAnswer checkAvailability(DialledBranch branch, FunctionArgs args) {
        OfferedService service = service(branch, args);
        Optional<StaffMember> staff = staff(branch, args);
        LocalDate from = args.date("date").or(() -> args.date("from")).orElseThrow(() -> new AnswerInstead(
                VoiceAnswer.say("Which day would you like?").with("missing", "date")));
        LocalDate to = args.date("date").isPresent() ? from : args.date("to").orElse(from);
        if (to.isBefore(from)) {
            to = from;
        }
        if (ChronoUnit.DAYS.between(from, to) >= config.maxAvailabilityDays()) {
            to = from.plusDays(config.maxAvailabilityDays() - 1L);
        }
        ZoneId zone = ZoneId.of(branch.timeZone());
        List<FreeSlot> slots = booking.freeSlots(branch.companyId(), branch.branchId(), service.id(), from, to,
                staff.map(StaffMember::id).orElse(null));
        String who = staff.map(s -> " with " + s.name()).orElse("");
        String when = from.equals(to) ? "on " + Spoken.day(from.atStartOfDay(zone))
                : "between " + Spoken.day(from.atStartOfDay(zone)) + " and " + Spoken.day(to.atStartOfDay(zone));
        String sentence;
        if (slots.isEmpty()) {
            sentence = "There is no free time for " + service.name() + who + " " + when + ".";
        } else {
            ZonedDateTime first = slots.getFirst().start().atZoneSameInstant(zone);
            List<String> times = slots.stream().map(s -> s.start().atZoneSameInstant(zone))
                    .filter(s -> s.toLocalDate().equals(first.toLocalDate()))
                    .limit(config.spokenSlots()).map(Spoken::time).toList();
            sentence = service.name() + who + " is free on " + Spoken.day(first) + " at "
                    + Spoken.choices(times, "or") + (slots.size() > times.size() ? ", among other times." : ".");
        }
        return VoiceAnswer.say(sentence)
                .with("service_id", service.id())
                .with("service_name", service.name())
                .with("staff_id", staff.map(StaffMember::id).orElse(null))
                .with("time_zone", branch.timeZone())
                .with("slot_count", slots.size())
                .with("slots", slots.stream().limit(config.listedSlots()).map(s -> slot(s, zone)).toList());
    }

    private VoiceAnswer book(DialledBranch branch, CallContext call, FunctionArgs args, JsonNode rawArgs) {
        OfferedService service = service(branch, args);
        Optional<StaffMember> staff = staff(branch, args);
        ZoneId zone = ZoneId.of(branch.timeZone());
        OffsetDateTime start = args.startIn(zone, "At what day and time should I book it?", "start", "start_time");
        String name = args.require("May I have your name for the booking?", "customer_name", "name");
        String phone = args.text("customer_phone", "phone").map(CallContext::usable).orElse(call.callerNumber());
        String notes = phone == null ? "Booked by phone for " + name + " (number withheld)" : null;
        var request = new VoiceBooking.NewAppointment(call.companyId(), branch.branchId(), service.id(),
                staff.map(StaffMember::id).orElse(null), start, phone, name, notes, call.callId());
        Appointment appointment;
        try {
            appointment = booking.book(request, idempotencyKeys.of(call.callId(), "book_appointment", rawArgs));
        } catch (BookingRefused refused) {
            if (refused.slotTaken()) {
                return alternatives(branch, service, staff, start);
            }
            return VoiceAnswer.say("I couldn't book that: " + refused.getMessage()).with("error", refused.type());
        }
        callLog.linkAppointment(call.companyId(), call.integrationId(), call.callId(), call.fromNumber(),
                call.toNumber(), branch.branchId(), appointment.id());
        return VoiceAnswer.say("You're booked for " + service.name() + staff.map(s -> " with " + s.name()).orElse("")
                        + " on " + Spoken.dayAndTime(appointment.start(), zone) + ".")
                .with("appointment_id", appointment.id())
                .with("status", appointment.status())
                .with("start", appointment.start().atZone(zone).toOffsetDateTime())
                .with("end", appointment.end().atZone(zone).toOffsetDateTime())
                .with("service_id", appointment.serviceId())
                .with("staff_id", appointment.staffId());
    }

    /** The free times nearest the one that was just taken, on the same day. */
    private VoiceAnswer alternatives(DialledBranch branch, OfferedService service, Optional<StaffMember> staff,
                                     OffsetDateTime wanted) {
        ZoneId zone = ZoneId.of(branch.timeZone());
        LocalDate day = wanted.atZoneSameInstant(zone).toLocalDate();
        List<FreeSlot> nearest;
        try {
            nearest = booking.freeSlots(branch.companyId(), branch.branchId(), service.id(), day, day, staff.map(StaffMember::id).orElse(null))
                    .stream()
                    .sorted(Comparator.comparing(s -> Duration.between(wanted, s.start()).abs()))
                    .limit(config.spokenSlots())
                    .sorted(Comparator.comparing(FreeSlot::start))
                    .toList();
        } catch (RuntimeException e) {
            nearest = List.of();
        }
        VoiceAnswer answer = nearest.isEmpty()
                ? VoiceAnswer.say("I'm sorry, that time is no longer free. Shall I look at another day?")
                : VoiceAnswer.say("I'm sorry, that time is no longer free. I can offer "
                + Spoken.choices(nearest.stream().map(s -> Spoken.time(s.start().atZoneSameInstant(zone))).toList(), "or")
                + " on " + Spoken.day(wanted.atZoneSameInstant(zone)) + " instead.");
        return answer.with("error", "slot_taken").with("alternatives", nearest.stream().map(s -> slot(s, zone)).toList());
    }

    private VoiceAnswer cancel(DialledBranch branch, CallContext call, FunctionArgs args) {
        ZoneId zone = ZoneId.of(branch.timeZone());
        UUID appointmentId;
        Optional<String> named = args.text("appointment_id");
        if (named.isPresent()) {
            try {
                appointmentId = UUID.fromString(named.get());
            } catch (IllegalArgumentException notAnId) {
                throw new AnswerInstead(VoiceAnswer.say("I couldn't find that appointment.")
                        .with("error", "unknown_appointment"));
            }
            if (!scope.othersAllowed(call.companyId())) {
                requireCallers(branch, call, appointmentId);
            }
        } else {
            Customer customer = customer(branch, call, args, "Which phone number was the appointment booked with?")
                    .orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(
                            "I couldn't find an upcoming appointment for this phone number.").with("error", "no_appointment")));
            appointmentId = booking.upcoming(call.companyId(), customer.id(), Instant.now()).stream().findFirst()
                    .map(Appointment::id)
                    .orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(
                            "I couldn't find an upcoming appointment for this phone number.").with("error", "no_appointment")));
        }
        Appointment cancelled;
        try {
            cancelled = booking.cancel(call.companyId(), appointmentId, "Cancelled by the caller on the phone");
        } catch (BookingRefused refused) {
            return refused.notFound()
                    ? VoiceAnswer.say("I couldn't find that appointment.").with("error", "unknown_appointment")
                    : VoiceAnswer.say("I couldn't cancel that: " + refused.getMessage()).with("error", refused.type());
        }
        return VoiceAnswer.say("Your appointment on " + Spoken.dayAndTime(cancelled.start(), zone) + " is cancelled.")
                .with("appointment_id", cancelled.id())
                .with("status", cancelled.status())
                .with("start", cancelled.start().atZone(zone).toOffsetDateTime());
    }

    private VoiceAnswer findCustomer(DialledBranch branch, CallContext call, FunctionArgs args) {
        Optional<Customer> customer = customer(branch, call, args, "The caller's number is withheld. "
                + "Please ask for their phone number.");
        if (customer.isEmpty()) {
            return VoiceAnswer.say("I don't have a customer with this phone number yet.").with("found", false);
        }
        Customer found = customer.get();
        // Name and number only: no function takes a customer id, and an e-mail address is read out to whoever calls.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", found.name());
        data.put("phone", found.phone());
        return VoiceAnswer.say(found.name() == null || found.name().isBlank() ? "I found this caller, but without a name."
                        : "This is " + found.name() + ".")
                .with("found", true).with("customer", data);
    }

    /**
     * An appointment named by id is cancelled only for the customer calling: ids are read out and passed on, and the
     * caller must not cancel someone else's by repeating one. Unknown and foreign appointments get the same refusal.
     */
    private void requireCallers(DialledBranch branch, CallContext call, UUID appointmentId) {
        if (call.callerNumber() == null) {
            throw new AnswerInstead(CallerScope.withheld(branch));
        }
        UUID callersCustomer = customer(branch, call, call.callerNumber()).map(Customer::id).orElse(null);
        boolean callers = callersCustomer != null && booking.appointment(call.companyId(), appointmentId)
                .map(a -> callersCustomer.equals(a.customerId())).orElse(false);
        if (!callers) {
            throw new AnswerInstead(CallerScope.notCallers(branch));
        }
    }

    private Optional<Customer> customer(DialledBranch branch, CallContext call, FunctionArgs args, String askForPhone) {
        String phone = scope.number(branch, call, args.text("phone", "customer_phone").map(CallContext::usable))
                .orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(askForPhone).with("missing", "phone")));
        return customer(branch, call, phone);
    }

    private Optional<Customer> customer(DialledBranch branch, CallContext call, String phone) {
        try {
            return booking.customerByPhone(call.companyId(), phone, CallerScope.region(branch));
        } catch (BookingRefused refused) {
            throw new AnswerInstead(VoiceAnswer.say("That phone number doesn't look right. Could you repeat it?")
                    .with("error", "invalid_phone"));
        }
    }

    private OfferedService service(DialledBranch branch, FunctionArgs args) {
        List<OfferedService> offered = booking.services(branch.companyId()).stream().filter(OfferedService::active).toList();
        String wanted = args.require("Which service would you like? We offer "
                + Spoken.choices(offered.stream().map(OfferedService::name).toList(), "and") + ".",
                "service", "service_id", "service_name");
        return pick(wanted, offered, OfferedService::id, OfferedService::name).orElseThrow(() -> new AnswerInstead(
                VoiceAnswer.say("I couldn't find the service " + wanted + ". We offer "
                                + Spoken.choices(offered.stream().map(OfferedService::name).toList(), "and") + ".")
                        .with("error", "unknown_service")
                        .with("services", offered.stream().map(OfferedService::name).toList())));
    }

    private Optional<StaffMember> staff(DialledBranch branch, FunctionArgs args) {
        Optional<String> wanted = args.text("staff", "staff_id", "staff_name");
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        List<StaffMember> members = booking.staff(branch.companyId(), branch.branchId()).stream()
                .filter(StaffMember::active).toList();
        return Optional.of(pick(wanted.get(), members, StaffMember::id, StaffMember::name).orElseThrow(
                () -> new AnswerInstead(VoiceAnswer.say("I couldn't find " + wanted.get() + " at " + branch.branchName()
                                + ". Shall I book with anyone who is free?").with("error", "unknown_staff")
                        .with("staff", members.stream().map(StaffMember::name).toList()))));
    }

    /** By id, else by exact name, else by the one name that contains what was said. */
    private static <T> Optional<T> pick(String wanted, List<T> candidates, Function<T, UUID> id,
                                        Function<T, String> name) {
        try {
            UUID asId = UUID.fromString(wanted);
            return candidates.stream().filter(c -> id.apply(c).equals(asId)).findFirst();
        } catch (IllegalArgumentException byName) {
            // not an id: the agent passed on what the caller said
        }
        String spoken = wanted.toLowerCase(Locale.ROOT);
        Optional<T> exact = candidates.stream().filter(c -> name.apply(c).toLowerCase(Locale.ROOT).equals(spoken)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<T> partial = candidates.stream().filter(c -> name.apply(c).toLowerCase(Locale.ROOT).contains(spoken)).toList();
        return partial.size() == 1 ? Optional.of(partial.getFirst()) : Optional.empty();
    }

    /** In the branch's zone, so the agent reads out the time on the salon's clock. */
    private static Map<String, Object> slot(FreeSlot slot, ZoneId zone) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("start", slot.start().atZoneSameInstant(zone).toOffsetDateTime());
        data.put("end", slot.end().atZoneSameInstant(zone).toOffsetDateTime());
        data.put("staff_ids", slot.staffIds());
        return data;
    }
}
