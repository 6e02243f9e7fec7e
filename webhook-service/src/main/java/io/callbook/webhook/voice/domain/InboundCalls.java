package io.callbook.webhook.voice.domain;

import io.callbook.common.cache.OutageLog;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The inbound-call hook: before the agent speaks, tell it whose phone it answers, who calls and what the business
 * offers ({@link InboundBriefing}: whatever misses its budget is left out). An unknown number, another company's number
 * or a directory that cannot answer in time all give the same polite answer, never an error, so the call is still
 * picked up.
 */
@ApplicationScoped
public class InboundCalls {

    /** Without the directory every call is answered so: a line each would bury the log. */
    private final OutageLog directoryOutages = new OutageLog(InboundCalls.class);
    /**
     * An overloaded or absent booking-service makes every call miss the same lookups: a line each was 1.4 % of
     * webhook-service's CPU in the mix. Each answer still names its missed lookups ({@code lookups_missed}), and
     * {@link InboundBriefing} counts them.
     */
    private final OutageLog missedLookups = new OutageLog(InboundCalls.class);

    private final VoiceDirectory directory;
    private final SpokenLanguages languages;
    private final InboundBriefing briefing;

    public InboundCalls(VoiceDirectory directory, SpokenLanguages languages, InboundBriefing briefing) {
        this.directory = directory;
        this.languages = languages;
        this.briefing = briefing;
    }

    /** @param arrived {@link System#nanoTime()} when the hook's request arrived: the lookups' budgets count from there */
    @Timeout(900)
    @Fallback(fallbackMethod = "directoryUnavailable")
    public InboundAnswer answer(UUID companyId, UUID integrationId, String fromNumber, String toNumber, String agentId,
                                long arrived) {
        Optional<VoiceDirectory.DialledBranch> branch = toNumber == null || toNumber.isBlank() ? Optional.empty()
                : directory.resolve(companyId, toNumber).filter(b -> companyId.equals(b.companyId()) && b.active());
        return branch.map(b -> identified(b, integrationId, fromNumber, agentId, arrived))
                .orElseGet(() -> unidentified("unknown_number", integrationId, toNumber, agentId));
    }

    InboundAnswer directoryUnavailable(UUID companyId, UUID integrationId, String fromNumber, String toNumber,
                                       String agentId, long arrived, Throwable cause) {
        directoryOutages.warn("Inbound call to %s of company %s answered without the directory: %s (one in ten seconds "
                + "is logged)", toNumber, companyId, cause.toString());
        return unidentified("directory_unavailable", integrationId, toNumber, agentId);
    }

    private InboundAnswer identified(VoiceDirectory.DialledBranch branch, UUID integrationId, String fromNumber,
                                     String agentId, long arrived) {
        ZoneId zone = ZoneId.of(branch.timeZone());
        ZonedDateTime now = Instant.now().atZone(zone);
        Spoken say = languages.of(branch);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("business_identified", "true");
        variables.put("company_name", branch.companyName());
        variables.put("company_id", branch.companyId().toString());
        variables.put("branch_name", branch.branchName());
        variables.put("branch_id", branch.branchId().toString());
        variables.put("time_zone", branch.timeZone());
        variables.put("locale", branch.locale() == null ? "" : branch.locale());
        variables.put("local_time", say.day(now) + " " + now.getYear() + ", " + say.time(now));
        variables.put("caller_number", CallContext.usable(fromNumber) == null ? "" : CallContext.usable(fromNumber));
        InboundBriefing.Briefing brief = briefing.of(branch, CallContext.usable(fromNumber), say, arrived);
        variables.putAll(brief.variables());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("company_id", branch.companyId().toString());
        metadata.put("branch_id", branch.branchId().toString());
        metadata.put("integration_id", integrationId.toString());
        metadata.put("dialled_number", branch.number());
        if (agentId != null) {
            metadata.put("agent_id", agentId);
        }
        if (!brief.missed().isEmpty()) {
            missedLookups.warn("Inbound call to %s of company %s answered without %s (one in ten seconds is logged)",
                    branch.number(), branch.companyId(), brief.missed());
            metadata.put("lookups_missed", brief.missed());
        }
        return new InboundAnswer(variables, metadata);
    }

    private InboundAnswer unidentified(String reason, UUID integrationId, String toNumber, String agentId) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("business_identified", "false");
        variables.put("company_name", "");
        variables.put("branch_name", "");
        variables.put("fallback_message", languages.fallback().messages().unidentified());
        variables.putAll(InboundBriefing.empty());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("integration_id", integrationId.toString());
        metadata.put("reason", reason);
        if (toNumber != null) {
            metadata.put("dialled_number", toNumber);
        }
        if (agentId != null) {
            metadata.put("agent_id", agentId);
        }
        return new InboundAnswer(variables, metadata);
    }

    /** @param dynamicVariables strings only: the provider substitutes them into the agent's prompt */
    public record InboundAnswer(Map<String, String> dynamicVariables, Map<String, Object> metadata) {

        public boolean identified() {
            return "true".equals(dynamicVariables.get("business_identified"));
        }
    }
}
