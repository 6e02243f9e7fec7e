package io.callbook.webhook;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.callbook.testsupport.NativeSources;

/**
 * The native configuration of this service, as Quarkus generates it without GraalVM (the build's native-sources
 * execution): what the code loads at run time is embedded, no key is.
 */
class NativeConfigurationIT {

    private static NativeSources sources;

    @BeforeAll
    static void generated() throws Exception {
        sources = NativeSources.ofModule();
    }

    @Test
    void embedsThePhoneMetadataThatNumbersAreParsedWith() {
        // libphonenumber loads a region's file on its first number from that region.
        sources.assertEmbeds("com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_DE");
        sources.assertEmbeds("com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_US");
        sources.assertEmbeds("com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_800");
        sources.assertEmbeds("com/google/i18n/phonenumbers/data/ShortNumberMetadataProto_DE");
        sources.assertEmbeds("com/google/i18n/phonenumbers/data/PhoneNumberAlternateFormatsProto_49");
    }

    @Test
    void embedsEveryMigration() throws Exception {
        sources.assertEmbeds("db/common/V0_1__outbox_and_processed_events.sql");
        sources.assertEmbedsAllUnder(Path.of("src/main/resources"), "db");
    }

    @Test
    void embedsNoKey() {
        sources.assertNoKeys();
    }
}
