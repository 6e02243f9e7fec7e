package io.callbook.loadtest.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Whether a voice function's answer is the real one, and if not what it is instead. A voice function answers 200
 * whatever happened, with a sentence for the agent; only the content tells a real answer from the spoken fallback
 * of a dependency that did not answer in time, a refusal or a question back. The one judge for the bench's checks
 * and for {@link VoiceReadiness}, and of the inbound hook's answer. Verdicts leave out the sentence, so that Gatling
 * counts equal failures together.
 */
public final class VoiceAnswerVerdict {

    public static final String REAL = "real answer";
    /**
     * The {@code error} of webhook-service's spoken fallback when a dependency did not answer within the budget
     * (VoiceFunctions). The sentence itself is in the branch's language, so only this code tells it; webhook-service's
     * domain code is not a deploy tool's to import, and the smoke test shows both sides agree.
     */
    static final String FALLBACK_ERROR = "temporarily_unavailable";
    /**
     * The {@code error} of a {@code book_appointment} that ran out of time and whose booking may have been made after
     * webhook-service stopped waiting (its fallback): the agent asks again with the same arguments, which book once.
     */
    public static final String UNCONFIRMED_ERROR = "booking_unconfirmed";
    /** The inbound hook's reason when the directory did not answer within its budget (InboundCalls). */
    static final String INBOUND_FALLBACK_REASON = "directory_unavailable";

    private static final ObjectMapper JSON = new ObjectMapper();

    private VoiceAnswerVerdict() {
    }

    public static String of(SignedRequest function, String body) {
        JsonNode answer = parse(body);
        if (answer == null || !answer.isObject()) {
            return answer == null ? "not JSON" : "not a JSON object";
        }
        String error = answer.path("error").asText("");
        if (error.equals(FALLBACK_ERROR) || error.equals(UNCONFIRMED_ERROR)) {
            return "fallback (" + error + ")";
        }
        if (!error.isEmpty()) {
            return "error " + error;
        }
        if (!answer.has(function.answerField())) {
            String asked = answer.path("missing").asText(answer.path("invalid").asText(""));
            return "no " + function.answerField() + (asked.isEmpty() ? "" : " (asks for " + asked + ")");
        }
        return REAL;
    }

    /**
     * The inbound hook's answer ({@code call_inbound.dynamic_variables}): the real one names the business and the
     * branch the dialled number reaches. The hook answers 200 also when it could not tell, with
     * {@code business_identified: "false"} and a reason: the number is unknown, or the directory did not answer in
     * time ({@value #INBOUND_FALLBACK_REASON}, the hook's fallback).
     *
     * @param branchId the branch the call dialled
     */
    public static String ofInbound(String body, String branchId) {
        JsonNode answer = parse(body);
        if (answer == null || !answer.isObject()) {
            return answer == null ? "not JSON" : "not a JSON object";
        }
        JsonNode inbound = answer.path("call_inbound");
        if (!inbound.path("dynamic_variables").path("business_identified").asText("").equals("true")) {
            String reason = inbound.path("metadata").path("reason").asText("");
            return reason.equals(INBOUND_FALLBACK_REASON) ? "fallback (" + reason + ")"
                    : "business not identified" + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
        return inbound.path("dynamic_variables").path("branch_id").asText("").equals(branchId) ? REAL : "another branch";
    }

    /** The answer's {@code error}, empty when it has none or is not JSON. */
    public static String error(String body) {
        JsonNode answer = parse(body);
        return answer == null ? "" : answer.path("error").asText("");
    }

    /** The appointment a real {@code book_appointment} answer names, or null. */
    public static String appointmentId(String body) {
        JsonNode answer = parse(body);
        String id = answer == null ? "" : answer.path(SignedRequest.VOICE_BOOKING.answerField()).asText("");
        return id.isEmpty() ? null : id;
    }

    /** The answer's JSON, or null when it is not JSON. */
    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
