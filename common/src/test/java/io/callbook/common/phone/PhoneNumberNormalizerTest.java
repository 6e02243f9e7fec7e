package io.callbook.common.phone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +49 30 1234567           | DE | +49301234567
            +49301234567             | DE | +49301234567
            +49301234567             | US | +49301234567
            030 1234567              | DE | +49301234567
            030/1234567              | DE | +49301234567
            030-123 45 67            | DE | +49301234567
            (030) 1234567            | DE | +49301234567
            0049 30 1234567          | DE | +49301234567
            +49 (0)30 1234567        | DE | +49301234567
            0049 (0) 30 / 123 45-67  | DE | +49301234567
            0151 23456789            | DE | +4915123456789
            +49 151 2345 6789        | DE | +4915123456789
            +49 30 1234567 ext. 89   | DE | +49301234567
            030 1234567 x 12         | DE | +49301234567
            (040) 1234-5678          | DE | +494012345678
            01 5134567               | AT | +4315134567
            +1 650-253-0000          | DE | +16502530000
            650 253 0000             | US | +16502530000
            +44 20 7031 3000         | DE | +442070313000
            """)
    void normalisesWhatPeopleAndProvidersSend(String input, String region, String expected) {
        assertEquals(expected, normalizer.normalize(input, region).e164());
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            tel:+49301234567                                    | DE | +49301234567
            TEL:+49-30-123-4567                                 | US | +49301234567
            tel:+49.30.1234567;ext=89                           | DE | +49301234567
            tel:030-1234567                                     | DE | +49301234567
            tel:1234567;phone-context=+49-30                    | US | +49301234567
            tel:030 1234567;phone-context=example.com           | DE | +49301234567
            <tel:+49301234567>                                  | DE | +49301234567
            sip:+49301234567@sip.provider.com;user=phone        | DE | +49301234567
            sip:+49301234567@sip.provider.com:5060;transport=udp;user=phone | US | +49301234567
            sips:+4915123456789@10.0.0.1;user=phone             | DE | +4915123456789
            sip:%2B49301234567@sip.provider.com                 | DE | +49301234567
            sip:+49301234567;ext=12@sip.provider.com;user=phone | DE | +49301234567
            <sip:+16502530000@pstn.twilio.com>                  | DE | +16502530000
            sip:0301234567@pbx.example.de                       | DE | +49301234567
            """)
    void readsTheNumberOfTelAndSipUris(String input, String region, String expected) {
        assertEquals(expected, normalizer.normalize(input, region).e164());
    }

    @Test
    void aUrisExtensionParameterIsKeptApart() {
        assertEquals("89", normalizer.normalize("tel:+49301234567;ext=89", "DE").extension());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            sip:anonymous@anonymous.invalid     | anonymous
            tel:                                | malformed
            sip:@sip.provider.com               | malformed
            sip:alice@example.com               | malformed
            tel:+49 30 CALL-NOW                 | malformed
            sip:%2B49%ZZ301234567@host          | malformed
            tel:+49123                          | invalid
            mailto:+49301234567                 | malformed
            """)
    void rejectsUrisWithoutAUsableNumber(String input, String reason) {
        var error = assertThrows(InvalidPhoneNumberException.class, () -> normalizer.normalize(input, "DE"));
        assertEquals(reason, error.reason(), error.getMessage());
    }

    @Test
    void aNationalNumberWithoutRegionIsUnparseableNotACrash() {
        assertEquals("unparseable", assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize("030 1234567", null)).reason());
        assertEquals("+49301234567", normalizer.normalize("+49301234567", null).e164());
    }

    @Test
    void keepsTheExtensionApart() {
        var normalized = normalizer.normalize("+49 30 1234567 ext. 89", "DE");
        assertEquals("+49301234567", normalized.e164());
        assertEquals("89", normalized.extension());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            anonymous                          | anonymous
            Anonymous                          | anonymous
            restricted                         | anonymous
            hello                              | malformed
            +49 30 CALL-NOW                    | malformed
            0800-FLOWERS                       | malformed
            '; drop table phone_numbers; --'   | malformed
            +49 123                            | invalid
            +4920100000000000                  | invalid
            tel:20100000000000;phone-context=+49 | invalid
            12                                 | invalid
            +999 1234567                       | unparseable
            +49 30 12345678901234567           | unparseable
            """)
    void rejectsWhatIsNotANumberWithAReason(String input, String reason) {
        var error = assertThrows(InvalidPhoneNumberException.class, () -> normalizer.normalize(input, "DE"));
        assertEquals(reason, error.reason(), error.getMessage());
        assertEquals(422, error.problem().status());
    }

    @Test
    void blankInputIsMissing() {
        assertEquals("missing", assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize("  ", "DE")).reason());
    }
}
