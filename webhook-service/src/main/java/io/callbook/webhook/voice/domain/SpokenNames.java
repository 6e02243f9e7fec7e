package io.callbook.webhook.voice.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The tenant's service or staff member a caller named. Speech-to-text and the agent write names their own way
 * ("Föhnen", "Foehnen", "fohnen"; "Jose", "José"), so names are compared without case, accents or umlaut spelling.
 */
final class SpokenNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_.]+");
    private static final Pattern ID = Pattern.compile("\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}");

    private SpokenNames() {
    }

    /** By id, else by the same name, else by the one name that contains what was said. */
    static <T> Optional<T> pick(String wanted, List<T> candidates, Function<T, UUID> id, Function<T, String> name) {
        // Checked before parsing: the agent mostly passes on what the caller said, and a failed parse builds an
        // exception with its stack trace for every such name.
        if (ID.matcher(wanted).matches()) {
            UUID asId = UUID.fromString(wanted);
            return candidates.stream().filter(c -> id.apply(c).equals(asId)).findFirst();
        }
        String spoken = key(wanted);
        List<String> keys = candidates.stream().map(c -> key(name.apply(c))).toList();
        int same = keys.indexOf(spoken);
        if (same >= 0) {
            return Optional.of(candidates.get(same));
        }
        List<T> partial = IntStream.range(0, keys.size()).filter(i -> keys.get(i).contains(spoken))
                .mapToObj(candidates::get).toList();
        return partial.size() == 1 ? Optional.of(partial.getFirst()) : Optional.empty();
    }

    /** "Föhnen", "Foehnen" and "FOHNEN" all give "fohnen". */
    static String key(String name) {
        String text = MARKS.matcher(Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT).replace("ß", "ss"),
                Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(text.replace("ae", "a").replace("oe", "o").replace("ue", "u")).replaceAll(" ");
    }
}
