package io.callbook.webhook.retention.domain;

import java.util.Map;

/** A requested period lies outside what the platform allows for that data; {@code violations} names each field and why. */
public class RetentionOutOfRange extends RuntimeException {

    private final transient Map<String, String> violations;

    public RetentionOutOfRange(Map<String, String> violations) {
        super("Retention periods out of range: " + violations.keySet(), null, false, false);
        this.violations = Map.copyOf(violations);
    }

    public Map<String, String> violations() {
        return violations;
    }
}
