package io.callbook.loadtest.mix;

import io.callbook.loadtest.booking.BookingGrid;
import io.callbook.loadtest.booking.BookingSeed;
import io.callbook.loadtest.harness.EndlessFeeder;
import io.callbook.loadtest.webhooks.SignedRequest;
import io.callbook.loadtest.webhooks.VoiceCalls;
import io.callbook.loadtest.webhooks.VoiceFunctionBody;
import io.callbook.loadtest.webhooks.VoiceFunctionFeeder;
import io.callbook.loadtest.webhooks.VoiceSeed;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An endless stream of simulated calls for Gatling's {@code feed}, one record per call: who calls (a random mobile),
 * which branch's number they dial, what they ask (a service by name on a day of the next two weeks, a second day in
 * half the calls) and, in the book share, which slot they book: the next of the run's block nobody booked before, at
 * the branch the call dialled. Call events are built as they are sent, since they carry the time.
 */
public final class MixCallFeeder extends EndlessFeeder {

    public static final String CALL_ID = "callId";
    public static final String CALLER = "caller";
    public static final String DIALLED = "dialled";
    public static final String BRANCH = "branchId";
    public static final String INBOUND_BODY = "inboundBody";
    public static final String CHECK_BODY = "checkBody";
    public static final String SECOND_CHECK = "secondCheck";
    public static final String SECOND_CHECK_BODY = "secondCheckBody";
    public static final String BOOKS = "books";
    public static final String BOOK_BODY = "bookBody";

    private final MixLoadSettings settings;
    private final VoiceSeed seed;
    private final BookingGrid grid;
    private final Clock clock;
    private final RandomGenerator random;
    private long callNumber;
    private long bookingNumber;

    MixCallFeeder(MixLoadSettings settings, VoiceSeed seed, Clock clock, RandomGenerator random) {
        this.settings = settings;
        this.seed = seed;
        this.grid = new BookingGrid(seed.catalog());
        this.clock = clock;
        this.random = random;
    }

    public static MixCallFeeder of(MixLoadSettings settings) {
        return new MixCallFeeder(settings, VoiceSeed.read(settings.voice().seedFile()), Clock.systemUTC(),
                newRandom());
    }

    /** Gatling may feed from several threads; the counters and the random generator need one at a time. */
    @Override
    public synchronized Map<String, Object> next() {
        Instant now = clock.instant();
        VoiceCalls voice = settings.voice();
        String callId = settings.runId() + "-call-" + callNumber++;
        String caller = String.format("+4917%08d", random.nextInt(100_000_000));
        boolean books = random.nextDouble() < voice.bookShare();
        long number = books ? voice.slot(bookingNumber++) : -1;
        BookingGrid.Slot slot = books ? grid.slot(number, voice.slotDay0()) : null;
        String branchId = books ? slot.branchId() : randomBranch();
        String dialled = seed.numberOf(branchId);

        Map<String, Object> call = new HashMap<>();
        call.put(CALL_ID, callId);
        call.put(CALLER, caller);
        call.put(DIALLED, dialled);
        call.put(BRANCH, branchId);
        call.put(INBOUND_BODY, VoiceInboundBody.json(caller, dialled));
        call.put(CHECK_BODY, check(callId, caller, dialled, now));
        call.put(SECOND_CHECK, random.nextDouble() < MixPace.SECOND_CHECK_SHARE);
        call.put(SECOND_CHECK_BODY, check(callId, caller, dialled, now));
        call.put(BOOKS, books);
        call.put(BOOK_BODY, books ? VoiceFunctionBody.json(SignedRequest.VOICE_BOOKING.function(), callId, caller, dialled,
                VoiceFunctionFeeder.bookingArgs(slot, grid.namesStaff(number))) : "");
        return call;
    }

    private String check(String callId, String caller, String dialled, Instant now) {
        return VoiceFunctionBody.json(SignedRequest.VOICE_AVAILABILITY.function(), callId, caller, dialled,
                VoiceFunctionFeeder.availabilityArgs(seed, random, now));
    }

    private String randomBranch() {
        List<BookingSeed.Branch> branches = seed.catalog().branches();
        return branches.get(random.nextInt(branches.size())).id();
    }
}
