package io.callbook.webhook.voice.domain;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which language a branch is answered in: its locale's language when {@code messages/voice_<language>.properties}
 * exists, else German, the bundle's own language (tenants are German businesses first).
 */
@ApplicationScoped
public class SpokenLanguages {

    static final Locale DEFAULT = Locale.GERMANY;

    private final Map<String, Optional<VoiceMessages>> byLanguage = new ConcurrentHashMap<>();

    /** @param localeTag a branch's locale, e.g. de-DE or en-GB; null or a language without its file is German */
    public Spoken of(String localeTag) {
        Locale locale = localeTag == null || localeTag.isBlank() ? DEFAULT : Locale.forLanguageTag(localeTag);
        // Names of days and months follow the sentence's language: a French branch hears German, all of it.
        return byLanguage.computeIfAbsent(locale.getLanguage(), SpokenLanguages::bundle)
                .map(messages -> new Spoken(messages, locale))
                .orElseGet(() -> new Spoken(MessageBundles.get(VoiceMessages.class), DEFAULT));
    }

    public Spoken of(VoiceDirectory.DialledBranch branch) {
        return of(branch.locale());
    }

    /** For a call whose business is not known: German. */
    public Spoken fallback() {
        return of((String) null);
    }

    private static Optional<VoiceMessages> bundle(String language) {
        if (language.equals(DEFAULT.getLanguage())) {
            return Optional.of(MessageBundles.get(VoiceMessages.class));
        }
        try {
            return Optional.of(MessageBundles.get(VoiceMessages.class, Localized.Literal.of(language)));
        } catch (IllegalStateException noSuchLanguage) {
            return Optional.empty();
        }
    }
}
