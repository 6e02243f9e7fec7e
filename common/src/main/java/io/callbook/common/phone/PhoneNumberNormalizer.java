package io.callbook.common.phone;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.quarkus.runtime.StartupEvent;
import io.callbook.common.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns whatever a provider or a person typed into E.164. Providers send E.164 already, or a {@code tel:} (RFC 3966)
 * or {@code sip:}/{@code sips:} (RFC 3261) URI whose number is read the same way; people type national formats, which
 * are read with the region of the branch or company they belong to.
 */
@ApplicationScoped
public class PhoneNumberNormalizer {

    private static final int MAX_INPUT_LENGTH = 64;
    // A SIP URI carries a host and parameters besides the number.
    private static final int MAX_URI_LENGTH = 256;
    /** A plus and at most 15 digits (ITU-T E.164). */
    private static final int MAX_E164_LENGTH = 16;
    private static final Pattern URI_SCHEME = Pattern.compile("^(tel|sips?):", Pattern.CASE_INSENSITIVE);
    private static final Pattern GLOBAL_CONTEXT = Pattern.compile("^\\+[0-9().\\-]+$");
    // Digits, a leading +, and the separators people type; letters only in an extension marker.
    private static final Pattern PLAUSIBLE = Pattern.compile("^\\+?[0-9 ()./\\-\\u00A0]+((ext\\.?|x|#|;ext=)\\s*[0-9]+)?$",
            Pattern.CASE_INSENSITIVE);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    // Parsing and validating costs ~16 µs, as much as the rest of a resolution; callers repeat the same few numbers.
    private final Cache<String, NormalizedNumber> normalized = Caffeine.newBuilder().maximumSize(100_000).build();

    /** The first parse loads region metadata (~140 ms); do it before the first caller waits for it. */
    void warmUp(@Observes StartupEvent startup) {
        normalize("+49 30 1234567", "DE");
        normalize("030 1234567", "DE");
    }

    /**
     * @param region ISO 3166 region used for national formats, e.g. "DE"
     * @throws InvalidPhoneNumberException with a reason a client can act on
     */
    public NormalizedNumber normalize(String input, String region) {
        if (input != null && region != null) {
            NormalizedNumber known = normalized.getIfPresent(memoKey(input, region));
            if (known != null) {
                return known;
            }
        }
        NormalizedNumber result = parse(input, region);
        normalized.put(memoKey(input, region), result);
        return result;
    }

    // E.164 input is read without the region, so all regions share its entry.
    private static String memoKey(String input, String region) {
        return input.startsWith("+") ? input : region + ':' + input;
    }

    private NormalizedNumber parse(String input, String region) {
        if (input == null || input.isBlank()) {
            throw new InvalidPhoneNumberException("missing", "No number given");
        }
        String raw = input.strip();
        if (raw.length() > MAX_URI_LENGTH) {
            throw new InvalidPhoneNumberException("malformed", "'" + abbreviate(raw) + "' is not a phone number");
        }
        String uri = raw;
        raw = numberOf(raw);
        if (raw.isEmpty()) {
            throw new InvalidPhoneNumberException("malformed", "'" + abbreviate(uri) + "' holds no phone number");
        }
        if (raw.equalsIgnoreCase("anonymous") || raw.equalsIgnoreCase("unknown") || raw.equalsIgnoreCase("restricted")) {
            throw new InvalidPhoneNumberException("anonymous", "The caller withheld the number ('" + raw + "')");
        }
        if (raw.length() > MAX_INPUT_LENGTH || !PLAUSIBLE.matcher(raw).matches()) {
            throw new InvalidPhoneNumberException("malformed", "'" + abbreviate(raw) + "' is not a phone number");
        }
        // Without a region a national number cannot be read; libphonenumber says so for "ZZ".
        String defaultRegion = raw.startsWith("+") || region == null ? "ZZ" : region.toUpperCase(Locale.ROOT);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("unparseable", "'" + abbreviate(raw) + "' cannot be read as a number"
                    + (raw.startsWith("+") ? "" : " of region " + defaultRegion) + ": " + e.getErrorType());
        }
        String e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        // libphonenumber's metadata accepts some German ranges 14 digits long, 16 with the country code: E.164 allows 15.
        if (!util.isValidNumber(parsed) || e164.length() > MAX_E164_LENGTH) {
            throw new InvalidPhoneNumberException("invalid", "'" + abbreviate(raw) + "' is not a valid number"
                    + (raw.startsWith("+") ? "" : " in region " + defaultRegion));
        }
        String extension = parsed.hasExtension() ? parsed.getExtension() : null;
        return new NormalizedNumber(e164, extension, util.getRegionCodeForNumber(parsed));
    }

    /**
     * The number a {@code tel:} or {@code sip:} URI names, with its {@code ext} parameter as an extension marker and a
     * global {@code phone-context} as its prefix; any other input as it is. Voice platforms name the caller and the
     * dialled number this way ({@code tel:+49301234567}, {@code sip:+49301234567@sip.provider.com;user=phone}).
     */
    static String numberOf(String raw) {
        String value = raw.startsWith("<") && raw.endsWith(">") ? raw.substring(1, raw.length() - 1).strip() : raw;
        var scheme = URI_SCHEME.matcher(value);
        if (!scheme.find()) {
            return raw;
        }
        String subscriber = value.substring(scheme.end());
        if (!scheme.group(1).equalsIgnoreCase("tel")) {
            // sip:user@host;uri-parameters — the number is the user part; without one there is no number.
            int at = subscriber.lastIndexOf('@');
            subscriber = at < 0 ? subscriber.split("[;?]", 2)[0] : subscriber.substring(0, at);
            subscriber = percentDecoded(subscriber);
        }
        String[] parts = subscriber.split(";");
        String number = parts[0].strip();
        String extension = null;
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            String name = parameter[0].strip().toLowerCase(Locale.ROOT);
            String parameterValue = parameter.length > 1 ? parameter[1].strip() : "";
            if (name.equals("ext")) {
                extension = parameterValue;
            } else if (name.equals("phone-context") && !number.startsWith("+")
                    && GLOBAL_CONTEXT.matcher(parameterValue).matches()) {
                number = parameterValue + number;
            }
        }
        return extension == null || extension.isEmpty() ? number : number + ";ext=" + extension;
    }

    /** RFC 3986 escapes such as {@code %2B} for '+'; a broken escape stays as it is and fails the plausibility check. */
    private static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder decoded = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                decoded.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    /** @return the region in upper case, if it is one with a numbering plan */
    public String region(String region) {
        if (region == null || !util.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT))) {
            throw ProblemException.unprocessable("invalid-region", "Invalid region",
                    "'" + region + "' is not an ISO 3166 region with a phone numbering plan");
        }
        return region.toUpperCase(Locale.ROOT);
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 32 ? raw : raw.substring(0, 32) + "…";
    }

    /** @param extension the extension the caller typed, if any; numbers are assigned without one */
    public record NormalizedNumber(String e164, String extension, String region) {
    }
}
