package io.callbook.webhook.voice.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A function's {@code args} as the agent filled them in. Agents are loose about names and types, so a value is taken
 * from the first of several accepted keys and numbers are read as text; days and times may be spoken
 * ({@link SpokenDates}); what cannot be read is a question back, in the branch's language.
 */
final class FunctionArgs {

    private final JsonNode args;
    private final Spoken say;
    private final LocalDate today;

    /** @param today on the branch's clock, for "morgen" and "nächsten Dienstag" */
    FunctionArgs(JsonNode args, Spoken say, LocalDate today) {
        this.args = args == null ? MissingNode.getInstance() : args;
        this.say = say;
        this.today = today;
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

    /** The question is only put into words when the value is missing: most calls carry it, and wording costs. */
    String require(Supplier<String> question, String... keys) {
        return text(keys).orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(question.get()).with("missing", keys[0])));
    }

    Optional<LocalDate> date(String key) {
        return text(key).map(value -> SpokenDates.date(value, today).orElseThrow(() -> new AnswerInstead(
                VoiceAnswer.say(say.messages().invalidDate()).with("invalid", key))));
    }

    /**
     * An ISO time with offset, a local date-time read as wall-clock time in the branch's zone, or a spoken one
     * ("morgen um 10 Uhr"). A wall-clock time the DST change skips moves forward by the gap, as the clocks do.
     */
    OffsetDateTime startIn(ZoneId zone, Supplier<String> question, String... keys) {
        String value = require(question, keys);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            } catch (DateTimeException notIso) {
                return SpokenDates.dateTime(value, today).map(local -> local.atZone(zone).toOffsetDateTime())
                        .orElseThrow(() -> new AnswerInstead(VoiceAnswer.say(say.messages().invalidStart())
                                .with("invalid", keys[0])));
            }
        }
    }
}
