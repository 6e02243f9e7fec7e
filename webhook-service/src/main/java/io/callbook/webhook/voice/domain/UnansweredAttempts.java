package io.callbook.webhook.voice.domain;

import java.util.Optional;

/**
 * What a function call's attempt did, or may have done, when its answer never reached the agent: the agent asks again
 * with the same arguments, and that next attempt must act on the same thing. Shared by every replica, because the
 * next attempt may reach another one. Keyed by {@link IdempotencyKeys} (call, function, arguments).
 */
public interface UnansweredAttempts {

    /** Best effort: notes what this attempt is about to do, or may have done. */
    void note(String attemptKey, String what);

    /** @throws AttemptsUnknown when it cannot be told whether an earlier attempt left a note */
    Optional<String> noted(String attemptKey);

    /** Best effort: the attempt was answered, so a call with the same arguments is a new request. */
    void forget(String attemptKey);

    /** The shared notes cannot be read. */
    class AttemptsUnknown extends RuntimeException {

        public AttemptsUnknown(Throwable cause) {
            super(cause);
        }
    }
}
