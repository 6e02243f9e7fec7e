package io.callbook.webhook.voice.domain;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Days, times, lists, durations and prices the way a branch's callers hear them: "Mittwoch, den 10. Februar",
 * "11 Uhr", "10 Uhr, 10:30 Uhr oder 11 Uhr", "35,00 €" in German; "Wednesday 10 February", "11:00" in English. The
 * patterns come from the language's {@link VoiceMessages}, the number format from the branch's locale (de-AT and
 * de-CH speak German but write prices their own way).
 *
 * @param messages what to say, in the branch's language
 * @param locale   the branch's locale, for month and weekday names and number formats
 */
public record Spoken(VoiceMessages messages, Locale locale) {

    public String day(ZonedDateTime at) {
        return DateTimeFormatter.ofPattern(messages.dayPattern(), locale).format(at);
    }

    public String day(LocalDate date) {
        return DateTimeFormatter.ofPattern(messages.dayPattern(), locale).format(date);
    }

    /** Without the weekday, for ranges: "10. Februar". */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(messages.datePattern(), locale).format(date);
    }

    /** "11 Uhr" on the hour, "11:30 Uhr" otherwise: how people say a time in German. */
    public String time(ZonedDateTime at) {
        String pattern = at.getMinute() == 0 ? messages.fullHourPattern() : messages.timePattern();
        return DateTimeFormatter.ofPattern(pattern, locale).format(at);
    }

    public String day(Instant at, ZoneId zone) {
        return day(at.atZone(zone));
    }

    public String time(Instant at, ZoneId zone) {
        return time(at.atZone(zone));
    }

    public String time(OffsetDateTime at, ZoneId zone) {
        return time(at.atZoneSameInstant(zone));
    }

    /** "A, B oder C". */
    public String either(List<String> items) {
        return join(items, messages.or());
    }

    /** "A, B und C". */
    public String all(List<String> items) {
        return join(items, messages.and());
    }

    public String duration(Duration duration) {
        return messages.duration(duration.toHours(), duration.toMinutesPart());
    }

    public String price(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale.getCountry().isEmpty() ? Locale.GERMANY : locale);
        if (currency != null && !currency.isBlank()) {
            format.setCurrency(Currency.getInstance(currency));
        }
        // A no-break space reads the same to a speech engine and confuses the prompt text of some providers.
        return format.format(amount).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static String join(List<String> items, String conjunction) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + items.getLast();
    }
}
