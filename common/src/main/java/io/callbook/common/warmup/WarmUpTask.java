package io.callbook.common.warmup;

/**
 * A hot path of this service that the start-up warm-up ({@link StartupWarmUp}) runs again and again before the service
 * reports itself started, so that the JIT has compiled it, its classes are loaded and its pools are open when the first
 * caller arrives rather than during that caller's request. Every CDI bean implementing it takes part.
 *
 * <p>Rules: a pass does what a caller's request does (the same classes, queries and clients) but leaves nothing a
 * tenant can see: it reads, or writes in a transaction it rolls back. It runs on the warm-up thread, so a pass that
 * needs a request context or a transaction declares it on its own method. A pass that throws is retried after a pause
 * (a dependency may still be starting).
 */
public interface WarmUpTask {

    /** The task's name in the log and in the {@code warm-up} start-up check. */
    String name();

    /**
     * One pass over the hot path.
     *
     * @return false when there is nothing to warm with (no data yet): the task is not run again
     */
    boolean pass();
}
