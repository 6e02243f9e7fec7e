package io.callbook.loadtest.webhooks;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.harness.EndlessFeeder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An endless stream of signed voice function calls for Gatling's {@code feed}, as a voice agent makes them while
 * callers wait: mostly {@code check_availability} of a service by name for a day of the next two weeks at a random
 * branch, and a share of {@code book_appointment}s, each of a slot of the run's block nobody booked before, at the
 * branch that slot belongs to, naming its staff member at every other start (the others take anyone). Each call is a
 * call of its own (call_id), from a random mobile.
 */
public final class VoiceFunctionFeeder extends EndlessFeeder {

    /** Availability is asked for a day within this many days from tomorrow: what callers ask for. */
    static final int DAYS_AHEAD = 14;

    private final WebhookLoadSettings settings;
    private final VoiceCalls calls;
    private final VoiceSeed seed;
    private final BookingGrid grid;
    private final Clock clock;
    private final RandomGenerator random;
    private long callNumber;
    private long bookingNumber;

    VoiceFunctionFeeder(WebhookLoadSettings settings, VoiceSeed seed, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.calls = settings.voice();
        this.seed = seed;
        this.grid = new BookingGrid(seed.catalog());
        this.clock = clock;
        this.random = random;
    }

    public static VoiceFunctionFeeder of(WebhookLoadSettings settings) {
        return new VoiceFunctionFeeder(settings, VoiceSeed.read(settings.voice().seedFile()), Clock.systemUTC(),
                newRandom());
    }

    /** Gatling may feed from several threads; the counters and the random generator need one at a time. */
    @Override
    public synchronized Map<String, Object> next() {
        return next(random.nextDouble() < calls.bookShare() ? SignedRequest.VOICE_BOOKING : SignedRequest.VOICE_AVAILABILITY);
    }

    /** A call of this function, whatever the share. */
    synchronized Map<String, Object> next(SignedRequest function) {
        Instant now = clock.instant();
        String callId = settings.runId() + "-voice-" + callNumber++;
        String caller = String.format("+4917%08d", random.nextInt(100_000_000));
        return switch (function) {
            case VOICE_AVAILABILITY -> availability(callId, caller, now);
            case VOICE_BOOKING -> booking(callId, caller, now);
            default -> throw new IllegalArgumentException(function + " is not a voice function this feeder sends");
        };
    }

    /** What a caller asks: a seeded service by name, a day of the next {@link #DAYS_AHEAD} from tomorrow. */
    public static Map<String, Object> availabilityArgs(VoiceSeed seed, RandomGenerator random, Instant now) {
        String service = seed.catalog().plan().serviceName(random.nextInt(seed.catalog().serviceIds().size()));
        LocalDate tomorrow = LocalDate.ofInstant(now, BookingGrid.ZONE).plusDays(1);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", service);
        args.put("date", tomorrow.plusDays(random.nextInt(DAYS_AHEAD)).toString());
        return args;
    }

    /**
     * The slot's service and start, and its staff member unless the caller takes anyone ({@link
     * BookingGrid#namesStaff}): the booking takes that slot, or another performer's at that start, or is refused.
     */
    public static Map<String, Object> bookingArgs(BookingGrid.Slot slot, boolean namingStaff) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("service", slot.serviceId());
        if (namingStaff) {
            args.put("staff", slot.staffId());
        }
        args.put("start", slot.start().toString());
        args.put("customer_name", "Load Test");
        return args;
    }

    private Map<String, Object> availability(String callId, String caller, Instant now) {
        List<BookingSeed.Branch> branches = seed.catalog().branches();
        String branchId = branches.get(random.nextInt(branches.size())).id();
        return signed(SignedRequest.VOICE_AVAILABILITY, callId, caller, seed.numberOf(branchId),
                availabilityArgs(seed, random, now), now);
    }

    private Map<String, Object> booking(String callId, String caller, Instant now) {
        long number = calls.slot(bookingNumber++);
        BookingGrid.Slot slot = grid.slot(number, calls.slotDay0());
        return signed(SignedRequest.VOICE_BOOKING, callId, caller, seed.numberOf(slot.branchId()),
                bookingArgs(slot, grid.namesStaff(number)), now);
    }

    private Map<String, Object> signed(SignedRequest kind, String callId, String caller, String dialled,
                                       Map<String, Object> args, Instant now) {
        String body = VoiceFunctionBody.json(kind.function(), callId, caller, dialled, args);
        return WebhookFeeder.signed(kind, body, settings.integrations(), now, 200);
    }
}
