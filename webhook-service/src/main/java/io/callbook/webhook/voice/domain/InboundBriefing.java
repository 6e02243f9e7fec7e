package io.callbook.webhook.voice.domain;

import io.callbook.webhook.calendar.domain.BookingRefused;
import io.callbook.webhook.voice.domain.VoiceBooking.Appointment;
import io.callbook.webhook.voice.domain.VoiceBooking.Customer;
import io.callbook.webhook.voice.domain.VoiceBooking.OfferedService;
import io.callbook.webhook.voice.domain.VoiceBooking.Opening;
import io.callbook.webhook.voice.domain.VoiceBooking.StaffMember;
import io.callbook.webhook.voice.domain.VoiceDirectory.DialledBranch;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the agent is told about the caller and the business before it speaks, so that it can greet a returning caller
 * by name and offer to move their next appointment, and answer "what do you offer" and "are you open now" without a
 * function call. Three lookups run side by side (the caller, the services, today's opening hours), each within its own
 * budget and all by the hook's deadline ({@link VoiceConfig.Inbound}); one that misses its budget, fails or meets an
 * open circuit is left out (its variables stay empty and it is named in {@link Briefing#missed()}), never waited for.
 * The caller is looked up by the number they call from and by nothing else. Variables are strings only: the provider
 * substitutes them into the agent's prompt.
 */
@ApplicationScoped
public class InboundBriefing {

    static final String CALLER = "caller";
    static final String SERVICES = "services";
    static final String OPENING_HOURS = "opening_hours";
    private static final Logger LOG = Logger.getLogger(InboundBriefing.class);

    private final VoiceBooking booking;
    private final VoiceConfig config;
    private final ManagedExecutor executor;
    private final Cache serviceSentences;
    /**
     * Per lookup, as the answer's {@code lookups_missed} names them: the log says so once in ten seconds only, and a
     * lookup given up at its budget leaves no other trace.
     */
    private final Map<String, Counter> missedLookups;

    public InboundBriefing(VoiceBooking booking, VoiceConfig config, ManagedExecutor executor,
                           @CacheName("voice-service-sentences") Cache serviceSentences, MeterRegistry metrics) {
        this.booking = booking;
        this.config = config;
        this.executor = executor;
        this.serviceSentences = serviceSentences;
        this.missedLookups = Map.of(CALLER, missedCounter(CALLER, metrics), SERVICES, missedCounter(SERVICES, metrics),
                OPENING_HOURS, missedCounter(OPENING_HOURS, metrics));
    }

    private static Counter missedCounter(String lookup, MeterRegistry metrics) {
        return Counter.builder("callbook.voice.inbound.lookups.missed").tag("lookup", lookup)
                .description("Inbound-call lookups left out of the agent's briefing: failed, refused or past their budget")
                .register(metrics);
    }

    /**
     * @param variables every variable of {@link #empty()}, filled in where a lookup answered in time
     * @param missed    the lookups left out: caller, services, opening_hours
     */
    public record Briefing(Map<String, String> variables, List<String> missed) {
    }

    /** The variables with nothing known: for a withheld number, an unknown business, or a lookup that missed. */
    public static Map<String, String> empty() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("caller_known", "false");
        variables.put("caller_name", "");
        variables.put("next_appointment", "");
        variables.put("next_appointment_id", "");
        variables.put("next_appointment_start", "");
        variables.put("services", "");
        variables.put("opening_hours_today", "");
        variables.put("open_now", "");
        return variables;
    }

    /**
     * @param callerNumber the number the call comes from; null when withheld (nobody is looked up)
     * @param arrived      {@link System#nanoTime()} when the hook's request arrived: the overall budget counts from there
     */
    Briefing of(DialledBranch branch, String callerNumber, Spoken say, long arrived) {
        VoiceConfig.Inbound budgets = config.inbound();
        long deadline = arrived + budgets.budget().toNanos();
        ZoneId zone = ZoneId.of(branch.timeZone());
        Instant now = Instant.now();
        CompletableFuture<Optional<Map<String, String>>> caller = callerNumber == null
                ? CompletableFuture.completedFuture(Optional.of(Map.of()))
                : lookup(CALLER, () -> caller(branch, callerNumber, say, zone, now), budgets.callerBudget(), deadline);
        CompletableFuture<Optional<String>> services = lookup(SERVICES, () -> services(branch.companyId(), say),
                budgets.servicesBudget(), deadline);
        CompletableFuture<Optional<List<Opening>>> hours = lookup(OPENING_HOURS, () -> booking.openingHours(
                branch.companyId(), branch.branchId(), now.atZone(zone).toLocalDate()), budgets.openingHoursBudget(),
                deadline);

        // Each future is complete by its budget at the latest, so these joins wait no longer than the longest budget.
        Map<String, String> variables = empty();
        List<String> missed = new ArrayList<>();
        caller.join().ifPresentOrElse(variables::putAll, () -> miss(CALLER, missed));
        services.join().ifPresentOrElse(spoken -> variables.put("services", spoken), () -> miss(SERVICES, missed));
        hours.join().ifPresentOrElse(open -> {
            variables.put("opening_hours_today", openingHours(open, say, zone));
            variables.put("open_now", Boolean.toString(open.stream()
                    .anyMatch(o -> !o.start().isAfter(now) && o.end().isAfter(now))));
        }, () -> miss(OPENING_HOURS, missed));
        return new Briefing(variables, missed);
    }

    private void miss(String lookup, List<String> missed) {
        missed.add(lookup);
        missedLookups.get(lookup).increment();
    }

    /**
     * One lookup on Quarkus's managed executor, given up at its budget or the deadline, whichever comes first.
     * The gateway's calls block (REST client with Fault Tolerance), so they need worker threads; the managed executor
     * is Quarkus's own worker pool and carries the request's contexts along (context propagation). {@code completeOnTimeout}
     * gives each lookup its own budget without a thread per timer. A lookup given up keeps its worker until the
     * gateway's own time-out ends the call; nobody waits for it. (FT's @Asynchronous would do the same with a bean
     * method and a bulkhead per lookup; Mutiny's Uni.combine the same on a less plain API.)
     *
     * @return empty when the lookup failed or missed its budget
     */
    private <T> CompletableFuture<Optional<T>> lookup(String what, Supplier<T> lookup, Duration budget, long deadline) {
        long wait = Math.min(budget.toNanos(), deadline - System.nanoTime());
        if (wait <= 0) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<T> running;
        try {
            running = CompletableFuture.supplyAsync(lookup, executor);
        } catch (RuntimeException rejected) { // a saturated pool: the lookup is left out like a slow one
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return running.thenApply(Optional::of)
                .completeOnTimeout(Optional.empty(), wait, TimeUnit.NANOSECONDS)
                .exceptionally(failed -> {
                    LOG.debugf("Inbound lookup %s failed: %s", what, failed.toString());
                    return Optional.empty();
                });
    }

    /** Known by the number alone: the caller's name and next appointment, nothing another caller could ask for. */
    private Map<String, String> caller(DialledBranch branch, String number, Spoken say, ZoneId zone, Instant now) {
        UUID company = branch.companyId();
        Optional<Customer> customer;
        try {
            customer = booking.customerByPhone(company, number, CallerScope.region(branch));
        } catch (BookingRefused unreadable) {
            customer = Optional.empty(); // not a number booking-service can read, so nobody's
        }
        if (customer.isEmpty()) {
            return Map.of();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("caller_known", "true");
        variables.put("caller_name", customer.get().name() == null ? "" : customer.get().name());
        booking.upcoming(company, customer.get().id(), now).stream().findFirst().ifPresent(next -> {
            variables.put("next_appointment", appointment(company, next, say, zone));
            variables.put("next_appointment_id", next.id().toString());
            variables.put("next_appointment_start", next.start().atZone(zone).toOffsetDateTime().toString());
        });
        return variables;
    }

    /** "Haircut bei Anna Weber am Mittwoch, den 10. Februar, um 11 Uhr"; the catalog's names come from its cache. */
    private String appointment(UUID company, Appointment next, Spoken say, ZoneId zone) {
        String service = booking.services(company).stream().filter(s -> s.id().equals(next.serviceId()))
                .map(OfferedService::name).findFirst().orElse("");
        String staff = next.staffId() == null ? "" : booking.staff(company, next.branchId()).stream()
                .filter(s -> s.id().equals(next.staffId())).map(StaffMember::name).findFirst()
                .map(name -> say.messages().withStaff(name)).orElse("");
        return say.messages().appointmentItem(service, staff, say.day(next.start(), zone), say.time(next.start(), zone))
                .strip();
    }

    /**
     * "Färben (1 Stunde 30 Minuten) und Haarschnitt (30 Minuten, 35,00 €)": a price only where the business set one,
     * in the order of the alphabet (booking-service lists them in no order a caller would follow).
     */
    private String services(UUID company, Spoken say) {
        // Worded once per company and language for as long as the catalog it comes from is cached: wording every
        // service anew for every call was a thirtieth of webhook-service's CPU in the mix.
        return serviceSentences.get(new ServicesSentence(company, say.locale()), key -> servicesInWords(company, say))
                .await().indefinitely();
    }

    private record ServicesSentence(UUID company, Locale locale) {
    }

    private String servicesInWords(UUID company, Spoken say) {
        Collator alphabet = Collator.getInstance(say.locale());
        return say.all(booking.services(company).stream().filter(OfferedService::active)
                .sorted(Comparator.comparing(OfferedService::name, alphabet))
                .map(s -> say.messages().offeredService(s.name(), say.duration(Duration.ofMinutes(s.durationMinutes())),
                        s.price() == null ? "" : say.price(s.price(), s.currency())))
                .toList());
    }

    /** "heute von 9 bis 12 Uhr und von 13 bis 18 Uhr geöffnet", or "heute geschlossen". */
    private static String openingHours(List<Opening> open, Spoken say, ZoneId zone) {
        if (open.isEmpty()) {
            return say.messages().closedToday();
        }
        return say.messages().openToday(say.all(open.stream().map(o -> say.messages().fromTo(
                bare(o.start().atZone(zone), say), say.time(o.end().atZone(zone)))).toList()));
    }

    /** A time said without "Uhr", which the end of the range carries: "von 9 bis 18 Uhr". */
    private static String bare(ZonedDateTime at, Spoken say) {
        String pattern = at.getMinute() == 0 ? say.messages().bareFullHourPattern() : say.messages().bareTimePattern();
        return DateTimeFormatter.ofPattern(pattern, say.locale()).format(at);
    }
}
