package io.callbook.webhook.voice.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpokenNamesTest {

    private record Named(UUID id, String name) {
    }

    private static final Named FOEHNEN = new Named(UUID.randomUUID(), "Föhnen");
    private static final Named HERREN = new Named(UUID.randomUUID(), "Herrenhaarschnitt");
    private static final Named DAMEN = new Named(UUID.randomUUID(), "Damenhaarschnitt");
    private static final Named JOSE = new Named(UUID.randomUUID(), "José Müller-Straße");
    private static final List<Named> ALL = List.of(FOEHNEN, HERREN, DAMEN, JOSE);

    @Test
    void namesMatchWithoutCaseAccentsOrUmlautSpelling() {
        for (String said : List.of("Föhnen", "föhnen", "Foehnen", "FOHNEN", " fohnen ")) {
            assertEquals(Optional.of(FOEHNEN), pick(said), said);
        }
        for (String said : List.of("jose muller-strasse", "Jose Mueller Strasse", "josé")) {
            assertEquals(Optional.of(JOSE), pick(said), said);
        }
        assertEquals(Optional.of(HERREN), pick("herren"));
        assertEquals(Optional.of(HERREN), pick(HERREN.id().toString()));
        assertEquals(Optional.of(HERREN), pick(HERREN.id().toString().toUpperCase()));
    }

    @Test
    void aPartOfSeveralNamesOrAnUnknownIdIsNoMatch() {
        assertEquals(Optional.empty(), pick("haarschnitt"));
        assertEquals(Optional.empty(), pick(UUID.randomUUID().toString()));
        assertEquals(Optional.empty(), pick("Massage"));
    }

    private static Optional<Named> pick(String said) {
        return SpokenNames.pick(said, ALL, Named::id, (Function<Named, String>) Named::name);
    }
}
