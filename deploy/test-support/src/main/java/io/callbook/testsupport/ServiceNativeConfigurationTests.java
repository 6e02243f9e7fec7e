package io.callbook.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The native configuration every service needs, as Quarkus generates it without GraalVM (the build's native-sources
 * execution): what the code loads at run time is embedded, no key is. A service's {@code NativeConfigurationIT}
 * extends this and adds what only it reads reflectively ({@link #sources()}). It reads the JVM build's output, so the
 * native build (-Dnative) leaves it out.
 */
@Tag("jvm-build")
public abstract class ServiceNativeConfigurationTests {

    private static NativeSources sources;

    @BeforeAll
    static void generated() throws Exception {
        sources = NativeSources.ofModule();
    }

    protected static NativeSources sources() {
        return sources;
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
