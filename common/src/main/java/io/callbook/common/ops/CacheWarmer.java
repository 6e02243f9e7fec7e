package io.callbook.common.ops;

/**
 * A cache of this service that can be filled ahead of callers. Every CDI bean implementing it is called when a
 * {@code warm-caches} ops command arrives (on every replica), one after the other on a worker thread with a request
 * context active; a warmer that throws is reported with its error and the others still run.
 *
 * <p>Rules: warming is bounded (a known set of keys, not "everything there is"), safe to repeat, and leaves callers
 * served as before while it runs.
 */
public interface CacheWarmer {

    /** The cache's name in replies and reports, e.g. {@code resolution}. */
    String cache();

    /** Fills the cache; returns how many entries it now holds for what was warmed. */
    int warm();
}
