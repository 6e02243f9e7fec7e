package io.callbook.common.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever arrives as a phone number, the normaliser answers E.164 or a reasoned 422, never anything else; and every
 * way providers and people write one valid number gives the same E.164.
 */
class PhoneNumberNormalizerPropertyTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> REASONS = Set.of("missing", "anonymous", "malformed", "unparseable", "invalid");
    // National formats are checked where our tenants are; elsewhere some national prefixes need dialling context.
    private static final List<String> HOME_REGIONS = List.of("DE", "AT", "CH", "NL", "FR", "IT", "ES", "PL", "GB", "US");

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    @Property(tries = 300)
    void anyInputIsE164OrAReasonedProblem(@ForAll("inputs") String input, @ForAll("regions") String region) {
        try {
            var normalized = normalizer.normalize(input, region);
            assertTrue(normalized.e164().matches("\\+[1-9][0-9]{1,14}"), normalized.e164());
            assertEquals(normalized.e164(), normalizer.normalize(normalized.e164(), "DE").e164(), "E.164 is a fixed point");
        } catch (InvalidPhoneNumberException e) {
            assertTrue(REASONS.contains(e.reason()), e.reason());
            assertEquals(422, e.problem().status());
        }
    }

    @Property(tries = 300)
    void everyWritingOfAValidNumberGivesItsE164(@ForAll("validNumbers") PhoneNumber number, @ForAll("hosts") String host) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        String tel = UTIL.format(number, PhoneNumberFormat.RFC3966);
        for (String writing : List.of(e164, UTIL.format(number, PhoneNumberFormat.INTERNATIONAL), tel,
                tel.toUpperCase(), "<" + tel + ">",
                "sip:" + e164 + "@" + host + ";user=phone", "sips:" + e164 + "@" + host + ":5061;transport=tls",
                "sip:%2B" + e164.substring(1) + "@" + host, "<sip:" + e164 + "@" + host + ">")) {
            assertEquals(e164, normalizer.normalize(writing, "ZZ").e164(), writing);
        }
    }

    @Property(tries = 200)
    void aNationalNumberIsReadWithItsRegion(@ForAll("homeNumbers") PhoneNumber number) {
        String region = UTIL.getRegionCodeForNumber(number);
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        String national = UTIL.format(number, PhoneNumberFormat.NATIONAL);
        assertEquals(e164, normalizer.normalize(national, region).e164(), national);
        assertEquals(e164, normalizer.normalize("tel:" + national.replace(' ', '-'), region).e164(), national);
        assertEquals(e164, normalizer.normalize("sip:" + national.replaceAll("[^0-9]", "") + "@pbx.example", region).e164());
    }

    @Provide
    Arbitrary<String> inputs() {
        Arbitrary<String> phoneish = Arbitraries.strings().withChars("+0123456789 ()-./#;=extTELSIPsip:@%<>x\u00A0")
                .ofMaxLength(80);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> uris = Combinators.combine(Arbitraries.of("tel:", "sip:", "sips:", "TEL:", "<sip:", "mailto:"),
                        Arbitraries.of("+", "", "%2B", "00"), digits,
                        Arbitraries.of("", "@host", "@sip.provider.com;user=phone", ";ext=12", ";phone-context=+49",
                                ";phone-context=", "@", ">", ";ext=", "@" + "h".repeat(300)))
                .as((scheme, plus, number, tail) -> scheme + plus + number + tail);
        return Arbitraries.frequencyOf(
                Tuple.of(3, phoneish), Tuple.of(3, uris),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("anonymous", "sip:anonymous@anonymous.invalid", "", " ", "+", "tel:",
                        "sip:", "<>", "\u0000", "+49\u0663\u0660", "+".repeat(70), "0".repeat(500))));
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.oneOf(Arbitraries.of(UTIL.getSupportedRegions()), Arbitraries.of("de", "ZZ", "", "001", "XX"),
                Arbitraries.strings().ofMaxLength(4));
    }

    @Provide
    Arbitrary<PhoneNumber> validNumbers() {
        return numbersOf(Arbitraries.of(UTIL.getSupportedRegions()));
    }

    @Provide
    Arbitrary<PhoneNumber> homeNumbers() {
        return numbersOf(Arbitraries.of(HOME_REGIONS));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("sip.provider.com", "10.0.0.1", "pstn.twilio.com", "[2001:db8::1]", "trunk.example.de");
    }

    /** A region's example number with its last digits varied, kept only where it is still valid. */
    private static Arbitrary<PhoneNumber> numbersOf(Arbitrary<String> regions) {
        return Combinators.combine(regions, Arbitraries.of(PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE),
                        Arbitraries.integers().between(0, 999))
                .as((region, type, suffix) -> {
                    PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                    if (example == null) {
                        return null;
                    }
                    long national = example.getNationalNumber();
                    PhoneNumber varied = new PhoneNumber().setCountryCode(example.getCountryCode())
                            .setNationalNumber(national - national % 1000 + suffix);
                    if (example.hasItalianLeadingZero()) {
                        varied.setItalianLeadingZero(true).setNumberOfLeadingZeros(example.getNumberOfLeadingZeros());
                    }
                    return UTIL.isValidNumberForRegion(varied, region) ? varied : example;
                })
                .filter(Objects::nonNull);
    }
}
