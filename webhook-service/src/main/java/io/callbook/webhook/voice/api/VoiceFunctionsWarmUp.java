package io.callbook.webhook.voice.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callbook.common.warmup.WarmUpTask;
import io.callbook.webhook.calls.domain.Call;
import io.callbook.webhook.calls.domain.CallLog;
import io.callbook.webhook.voice.domain.CallContext;
import io.callbook.webhook.voice.domain.VoiceAnswer;
import io.callbook.webhook.voice.domain.VoiceBooking;
import io.callbook.webhook.voice.domain.VoiceFunctions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Asks check_availability before this service takes calls, as the voice agent would during the newest answered call:
 * its company, its dialled number, each active service by name, each of the next 14 days in turn. That runs the
 * function's whole path (the agent-token exchange, the REST clients to resolver-service and booking-service, their
 * endpoints, the sentences) and changes nothing: the function only reads. Without an answered call yet there is no
 * company to ask for, and nothing is warmed.
 */
@ApplicationScoped
public class VoiceFunctionsWarmUp implements WarmUpTask {

    private static final String CALL_ID = "warm-up";
    private static final int DAYS = 14;

    private final VoiceFunctions functions;
    private final VoiceBooking booking;
    private final CallLog callLog;
    private final ObjectMapper json;
    private CallContext call;
    private List<String> services;
    private int passes;

    public VoiceFunctionsWarmUp(VoiceFunctions functions, VoiceBooking booking, CallLog callLog, ObjectMapper json) {
        this.functions = functions;
        this.booking = booking;
        this.callLog = callLog;
        this.json = json;
    }

    @Override
    public String name() {
        return "voice-functions";
    }

    @Override
    @ActivateRequestContext
    public boolean pass() {
        if (call == null) {
            Optional<Call> latest = callLog.latestAnswered();
            if (latest.isEmpty()) {
                return false;
            }
            call = new CallContext(latest.get().companyId, latest.get().integrationId, CALL_ID, null, latest.get().toNumber);
        }
        if (services == null) {
            // Asked before the first function, so that a booking-service still starting fails here, not as fallbacks.
            services = booking.services(call.companyId()).stream().filter(VoiceBooking.OfferedService::active)
                    .map(VoiceBooking.OfferedService::name).toList();
        }
        if (services.isEmpty()) {
            return false;
        }
        int pass = passes;
        ObjectNode args = json.createObjectNode()
                .put("service_name", services.get(pass % services.size()))
                .put("date", LocalDate.now().plusDays(pass % DAYS).toString());
        VoiceAnswer answer = functions.call("check_availability", call, args);
        if ("temporarily_unavailable".equals(answer.details().get("error"))) {
            throw new IllegalStateException("check_availability answered with the fallback");
        }
        passes++;
        return true;
    }
}
