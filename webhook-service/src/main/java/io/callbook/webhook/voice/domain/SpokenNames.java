package io.callbook.webhook.voice.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The tenant's service or staff member a caller named. Speech-to-text and the agent write names their own way
 * ("Föhnen", "Foehnen", "fohnen"; "Jose", "José"), so names are compared without case, accents or umlaut spelling.
 */
final class SpokenNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_.]+");

    private SpokenNames() {
    }

    /** By id, else by the same name, else by the one name that contains what was said. */
    static <T> Optional<T> pick(String wanted, List<T> candidates, Function<T, UUID> id, Function<T, String> name) {
        try {
            UUID asId = UUID.fromString(wanted);
            return candidates.stream().filter(c -> id.apply(c).equals(asId)).findFirst();
        } catch (IllegalArgumentException byName) {
            // not an id: the agent passed on what the caller said
        }
        String spoken = key(wanted);
        Optional<T> same = candidates.stream().filter(c -> key(name.apply(c)).equals(spoken)).findFirst();
        if (same.isPresent()) {
            return same;
        }
        List<T> partial = candidates.stream().filter(c -> key(name.apply(c)).contains(spoken)).toList();
        return partial.size() == 1 ? Optional.of(partial.getFirst()) : Optional.empty();
    }

    /** "Föhnen", "Foehnen" and "FOHNEN" all give "fohnen". */
    static String key(String name) {
        String text = MARKS.matcher(Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT).replace("ß", "ss"),
                Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(text.replace("ae", "a").replace("oe", "o").replace("ue", "u")).replaceAll(" ");
    }
}
