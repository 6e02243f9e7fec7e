package io.callbook.common.ops;

import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Keeps a cache warmer to a share of one core: after each piece of work it rests in proportion to what the work took.
 * The warm-caches command reaches every replica of every service at the same moment, under live traffic; measured on a
 * 2-core machine under the voice bench, resolver-service and booking-service warming at full speed together (4 009
 * numbers and 497 availability days in about 4 s each) starved Redis and the event loops, and 19 % of the voice
 * functions in that run answered with the spoken fallback.
 */
public final class WarmingPace {

    private final long restPerWork;
    private final Duration maxRest;

    /** @param restPerWork how many times its own duration to rest after a piece of work: 3 keeps to a quarter of a core */
    public WarmingPace(long restPerWork, Duration maxRest) {
        this.restPerWork = restPerWork;
        this.maxRest = maxRest;
    }

    /** A quarter of a core, resting at most half a second at a time. */
    public static WarmingPace quarterOfACore() {
        return new WarmingPace(3, Duration.ofMillis(500));
    }

    /** What {@link #workThrough} did: the entries its pieces reported, and how many pieces the budget left undone. */
    public record Progress(int entries, int piecesDone, int piecesLeft) {
    }

    /**
     * Works through the pieces in order, resting after each, until all are done or the budget is spent (perf-ops waits
     * for a warm-caches reply only so long); what is left is loaded by its first caller as usual.
     *
     * @param work does one piece and returns how many cache entries it filled
     */
    public <T> Progress workThrough(List<T> pieces, Duration budget, ToIntFunction<T> work) {
        long deadline = System.nanoTime() + budget.toNanos();
        int entries = 0;
        int done = 0;
        for (T piece : pieces) {
            if (System.nanoTime() - deadline > 0) {
                break;
            }
            long start = System.nanoTime();
            entries += work.applyAsInt(piece);
            done++;
            restAfter(start);
        }
        return new Progress(entries, done, pieces.size() - done);
    }

    /** Rests after a piece of work that started at {@code startNanos} ({@link System#nanoTime()}). */
    void restAfter(long startNanos) {
        long rest = Math.min((System.nanoTime() - startNanos) * restPerWork, maxRest.toNanos());
        if (rest <= 0) {
            return;
        }
        try {
            Thread.sleep(Duration.ofNanos(rest));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Cache warming interrupted", e);
        }
    }
}
