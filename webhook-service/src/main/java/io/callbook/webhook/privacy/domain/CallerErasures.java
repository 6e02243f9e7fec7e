package io.callbook.webhook.privacy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callbook.common.contracts.booking.CustomerErasureEvents.CustomerErased;
import io.callbook.common.contracts.webhook.CallActivityEvents;
import io.callbook.common.contracts.webhook.CustomerErasureReports;
import io.callbook.common.contracts.webhook.CustomerErasureReports.ErasureCompleted;
import io.callbook.common.events.ProcessedEvents;
import io.callbook.common.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Erases what this service holds about a customer booking-service erased: the calls from their number or about their
 * appointments keep their times, branch and appointments (the business's records) but lose the caller's number, the
 * summary and the sentiment; the stored provider payloads of those calls and of the customer's calendar bookings, and
 * every voice payload from the number, are replaced by a marker; live view activity of those calls that an earlier
 * version kept in the outbox is deleted. The number is known only by its SHA-256. Once per
 * event; the report of what was anonymised goes back to booking-service in the same transaction.
 */
@ApplicationScoped
public class CallerErasures {

    /** What an erased provider payload reads; the inbox column cannot be empty. */
    public static final String ERASED_BODY = "{\"erased\":true}";
    private static final String CONSUMER = "webhook-customer-erasures";

    private final EntityManager entityManager;
    private final ProcessedEvents processedEvents;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CallerErasures(EntityManager entityManager, ProcessedEvents processedEvents, Outbox outbox,
                          ObjectMapper json) {
        this.entityManager = entityManager;
        this.processedEvents = processedEvents;
        this.outbox = outbox;
        this.json = json;
    }

    /** @return what was anonymised, or empty when this event was handled before */
    @Transactional
    public Optional<ErasureCompleted> erase(String eventId, CustomerErased erased) {
        if (!processedEvents.claim(CONSUMER, eventId)) {
            return Optional.empty();
        }
        String refs = jsonArray(erased.externalRefs());
        @SuppressWarnings("unchecked")
        List<String> callIds = entityManager.createNativeQuery("""
                        select call_id from calls
                        where company_id = :company
                          and (encode(sha256(convert_to(from_number, 'UTF8')), 'hex') = :phone
                               or call_id in (select jsonb_array_elements_text(cast(:refs as jsonb)))
                               or appointment_ids && array(select cast(jsonb_array_elements_text(cast(:appointments as jsonb)) as uuid)))""")
                .setParameter("company", erased.companyId())
                .setParameter("phone", erased.phoneSha256())
                .setParameter("refs", refs)
                .setParameter("appointments", jsonArray(erased.appointmentIds()))
                .getResultList();
        int calls = entityManager.createNativeQuery("""
                        update calls set from_number = null, summary = null, sentiment = null, updated_at = now()
                        where company_id = :company and call_id in (select jsonb_array_elements_text(cast(:calls as jsonb)))
                          and (from_number is not null or summary is not null or sentiment is not null)""")
                .setParameter("company", erased.companyId())
                .setParameter("calls", jsonArray(callIds))
                .executeUpdate();
        List<String> orderKeys = new ArrayList<>(callIds);
        orderKeys.addAll(erased.externalRefs());
        // Payloads still waiting are not processed any more: they would write the number back into the call log.
        int inboundEvents = entityManager.createNativeQuery("""
                        update inbound_events
                        set body = :erasedBody, last_error = null, outcome = 'erased',
                            status = case when status in ('received', 'failed') then 'ignored' else status end
                        where company_id = :company and body <> :erasedBody
                          and (split_part(dedupe_key, ':', 1) in (select jsonb_array_elements_text(cast(:keys as jsonb)))
                               or provider = 'voice'
                                  and case when body is json object
                                           then encode(sha256(convert_to(cast(body as jsonb) #>> '{call,from_number}', 'UTF8')), 'hex')
                                      end = :phone)""")
                .setParameter("erasedBody", ERASED_BODY)
                .setParameter("company", erased.companyId())
                .setParameter("keys", jsonArray(orderKeys))
                .setParameter("phone", erased.phoneSha256())
                .executeUpdate();
        // Versions before issue 10 sent the live view's activity of those calls (numbers, transcripts) through the
        // outbox, which keeps published rows for days: such rows go too.
        entityManager.createNativeQuery("""
                        delete from outbox
                        where topic = :topic and tenant_id = :company
                          and aggregate_id in (select jsonb_array_elements_text(cast(:calls as jsonb)))""")
                .setParameter("topic", CallActivityEvents.TOPIC)
                .setParameter("company", erased.companyId())
                .setParameter("calls", jsonArray(callIds))
                .executeUpdate();
        ErasureCompleted completed = new ErasureCompleted(erased.erasureId(), erased.companyId(), calls, inboundEvents,
                Instant.now());
        outbox.publish(CustomerErasureReports.TOPIC, CustomerErasureReports.ERASURE_COMPLETED,
                erased.erasureId().toString(), erased.companyId(), completed);
        return Optional.of(completed);
    }

    private String jsonArray(List<?> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values.stream().filter(Objects::nonNull)
                    .map(Object::toString).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
