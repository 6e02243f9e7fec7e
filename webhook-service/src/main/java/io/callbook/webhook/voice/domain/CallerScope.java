package io.callbook.webhook.voice.domain;

import io.callbook.common.phone.InvalidPhoneNumberException;
import io.callbook.common.phone.PhoneNumberNormalizer;
import io.callbook.webhook.voice.domain.VoiceDirectory.DialledBranch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose data a voice function may touch during a call. The caller's own number is known from the call itself (the
 * provider's {@code from_number}); any other number is only what someone on the phone claims, so looking up or
 * cancelling for it is refused unless the company has opted in ({@link VoicePolicy#otherNumbersAllowed}). The refusal
 * is a polite sentence in the branch's language, never the data and never a hint whether the other number is a
 * customer.
 */
@ApplicationScoped
public class CallerScope {

    static final String NOT_CALLERS_NUMBER = "not_callers_number";
    static final String NUMBER_WITHHELD = "number_withheld";
    private static final String DEFAULT_REGION = "DE";

    private final VoicePolicies policies;
    private final PhoneNumberNormalizer phones;

    public CallerScope(VoicePolicies policies, PhoneNumberNormalizer phones) {
        this.policies = policies;
        this.phones = phones;
    }

    /**
     * The number a function may act on: the one the agent named if it is the caller's own or the company allows
     * others, else the caller's number.
     *
     * @return empty when neither is there and the company allows other numbers (the agent may ask for one)
     * @throws AnswerInstead the polite refusal, when the named number is someone else's or the caller's is withheld
     */
    Optional<String> number(DialledBranch branch, Spoken say, CallContext call, Optional<String> named) {
        String caller = call.callerNumber();
        if (named.isEmpty() || isCallers(named.get(), caller, branch)) {
            if (caller != null || othersAllowed(call.companyId())) {
                return Optional.ofNullable(caller);
            }
            throw new AnswerInstead(withheld(say));
        }
        if (othersAllowed(call.companyId())) {
            return named;
        }
        throw new AnswerInstead(caller == null ? withheld(say) : notCallers(say));
    }

    boolean othersAllowed(UUID companyId) {
        return policies.otherNumbersAllowed(companyId);
    }

    /** The answer to a function asked about another caller's customer, appointment or number. */
    static VoiceAnswer notCallers(Spoken say) {
        return VoiceAnswer.say(say.messages().notCallersNumber()).with("error", NOT_CALLERS_NUMBER);
    }

    static VoiceAnswer withheld(Spoken say) {
        return VoiceAnswer.say(say.messages().numberWithheld()).with("error", NUMBER_WITHHELD);
    }

    /** Read in the branch's region, so "030 1234567" is the caller +49301234567 in Berlin. */
    private boolean isCallers(String named, String caller, DialledBranch branch) {
        if (caller == null) {
            return false;
        }
        String region = Optional.ofNullable(region(branch)).orElse(DEFAULT_REGION);
        try {
            return phones.normalize(named, region).e164().equals(phones.normalize(caller, region).e164());
        } catch (InvalidPhoneNumberException unreadable) {
            return false;
        }
    }

    /** People say numbers in the branch's national format; the locale's country tells how to read them. */
    static String region(DialledBranch branch) {
        if (branch.locale() == null) {
            return null;
        }
        String country = Locale.forLanguageTag(branch.locale()).getCountry();
        return country.isEmpty() ? null : country;
    }
}
