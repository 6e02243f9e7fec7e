package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A function's {@code args} as the agent filled them in. Agents are loose about names and types, so a value is taken
 * from the first of several accepted keys and numbers are read as text; what cannot be read is a question back.
 */
final class FunctionArgs {

    private final JsonNode args;

    FunctionArgs(JsonNode args) {
        this.args = args == null ? MissingNode.getInstance() : args;
    }

    Optional<String> text(String... keys) {
        for (String key : keys) {
            JsonNode value = args.path(key);
            if ((value.isTextual() || value.isNumber()) && !value.asText().isBlank()) {
                return Optional.of(value.asText().strip());
            }
        }
        return Optional.empty();
    }

    String require(String question, String... keys) {
        return text(keys).orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(question).with("missing", keys[0])));
    }

    Optional<LocalDate> date(String key) {
        return text(key).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeException e) {
                throw new AnswerInstead(VoiceAnswer.say("I need the date as year, month and day, for example 2026-12-01.")
                        .with("invalid", key));
            }
        });
    }

    /** An ISO time with offset, or a local date-time read as wall-clock time in the branch's zone. */
    OffsetDateTime startIn(ZoneId zone, String question, String... keys) {
        String value = require(question, keys);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            } catch (DateTimeException e) {
                throw new AnswerInstead(VoiceAnswer.say(
                        "I need the start as date and time, for example 2026-12-01T10:00.").with("invalid", keys[0]));
            }
        }
    }
}
