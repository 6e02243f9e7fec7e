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
 * Turns whatever a provider or a person typed into E.164. Providers send E.164 already; people
 * type national formats, which are read with the region of the branch or company they belong to.
 */
@ApplicationScoped
public class PhoneNumberNormalizer {

    private static final int MAX_INPUT_LENGTH = 64;
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
        if (raw.equalsIgnoreCase("anonymous") || raw.equalsIgnoreCase("unknown") || raw.equalsIgnoreCase("restricted")) {
            throw new InvalidPhoneNumberException("anonymous", "The caller withheld the number ('" + raw + "')");
        }
        if (raw.length() > MAX_INPUT_LENGTH || !PLAUSIBLE.matcher(raw).matches()) {
            throw new InvalidPhoneNumberException("malformed", "'" + abbreviate(raw) + "' is not a phone number");
        }
        String defaultRegion = raw.startsWith("+") ? "ZZ" : region.toUpperCase(Locale.ROOT);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("unparseable", "'" + abbreviate(raw) + "' cannot be read as a number"
                    + (raw.startsWith("+") ? "" : " of region " + defaultRegion) + ": " + e.getErrorType());
        }
        if (!util.isValidNumber(parsed)) {
            throw new InvalidPhoneNumberException("invalid", "'" + abbreviate(raw) + "' is not a valid number"
                    + (raw.startsWith("+") ? "" : " in region " + defaultRegion));
        }
        String extension = parsed.hasExtension() ? parsed.getExtension() : null;
        return new NormalizedNumber(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), extension,
                util.getRegionCodeForNumber(parsed));
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
