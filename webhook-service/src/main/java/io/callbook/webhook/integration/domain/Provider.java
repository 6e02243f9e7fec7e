package io.callbook.webhook.integration.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The two kinds of provider that send us webhooks. */
public enum Provider {
    VOICE, CALENDAR;

    @JsonValue
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Provider fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
