package io.callbook.webhook.calls.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.callbook.common.api.Ids;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Builds the call log from call events. Events of one call may arrive in any order and more than once, so each only
 * fills in what it knows and never clears what another event set: the result is the same in every order.
 */
@ApplicationScoped
public class CallLog {

    /** Where a transaction keeps the call rows it made and locked. */
    private static final Object LOCKED = CallLog.class.getName() + ".locked";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;

    public CallLog(EntityManager entityManager, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.transactions = transactions;
    }

    /**
     * Makes where missing, locks and loads the call rows of a batch's call events, in three statements for the whole
     * batch, so that {@link #apply} finds them without two round trips each. Rows are locked in id order, so that two
     * workers locking some of the same calls wait for each other instead of deadlocking.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(List<CallRef> refs) {
        Map<CallKey, Call> locked = lockedInThisTransaction();
        Map<CallKey, CallRef> missing = new LinkedHashMap<>();
        refs.forEach(ref -> {
            if (!locked.containsKey(ref.key())) {
                missing.putIfAbsent(ref.key(), ref);
            }
        });
        if (missing.isEmpty()) {
            return;
        }
        UUID[] companies = missing.values().stream().map(CallRef::companyId).toArray(UUID[]::new);
        UUID[] integrations = missing.values().stream().map(CallRef::integrationId).toArray(UUID[]::new);
        String[] callIds = missing.values().stream().map(CallRef::callId).toArray(String[]::new);
        entityManager.createNativeQuery("""
                        insert into calls (id, company_id, integration_id, call_id, created_at, updated_at)
                        select id, company_id, integration_id, call_id, now(), now()
                        from unnest(cast(:ids as uuid[]), cast(:companies as uuid[]), cast(:integrations as uuid[]),
                                    cast(:callIds as text[])) as wanted (id, company_id, integration_id, call_id)
                        on conflict on constraint calls_once do nothing""")
                .setParameter("ids", missing.values().stream().map(ref -> Ids.newId()).toArray(UUID[]::new))
                .setParameter("companies", companies)
                .setParameter("integrations", integrations)
                .setParameter("callIds", callIds)
                // Neither statement waits for a flush: in a batch of call events, each flush dirty-checked every
                // event and call of the batch before it (a quarter of the inbox worker's time). Nothing they read is
                // pending in the session: a call row is only ever inserted by such a statement, and a call already
                // loaded comes back as the same object, with its changes.
                .setFlushMode(FlushModeType.COMMIT)
                .executeUpdate();
        List<?> ids = entityManager.createNativeQuery("""
                        select id from calls
                        where (company_id, call_id) in (select * from unnest(cast(:companies as uuid[]),
                                                                             cast(:callIds as text[])))
                        order by id
                        for no key update""")
                .setParameter("companies", companies)
                .setParameter("callIds", callIds)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        for (Call entry : entityManager.unwrap(Session.class).findMultiple(Call.class, ids)) {
            locked.put(new CallKey(entry.companyId, entry.callId), entry);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Call apply(UUID companyId, UUID integrationId, String event, JsonNode call) {
        Call entry = lockedCall(new CallRef(companyId, integrationId, call.path("call_id").asText()));
        entry.agentId = text(call, "agent_id").orElse(entry.agentId);
        entry.fromNumber = text(call, "from_number").orElse(entry.fromNumber);
        entry.toNumber = text(call, "to_number").orElse(entry.toNumber);
        entry.startedAt = millis(call, "start_timestamp").orElse(entry.startedAt);
        entry.endedAt = millis(call, "end_timestamp").orElse(entry.endedAt);
        if (entry.startedAt != null && entry.endedAt != null) {
            entry.durationMs = entry.endedAt.toEpochMilli() - entry.startedAt.toEpochMilli();
        }
        entry.disconnectionReason = text(call, "disconnection_reason").orElse(entry.disconnectionReason);
        JsonNode analysis = call.path("call_analysis");
        entry.summary = text(analysis, "call_summary").orElse(entry.summary);
        entry.sentiment = text(analysis, "user_sentiment").orElse(entry.sentiment);
        if (event.equals("call_started") && entry.startedAt == null) {
            entry.startedAt = Instant.now();
        }
        entry.updatedAt = Instant.now();
        return entry;
    }

    /**
     * Notes an appointment the voice agent booked during the call. The function may come before any call event (they
     * travel separately), so the row is made if need be; a retried function adds nothing twice.
     */
    @Transactional
    public void linkAppointment(UUID companyId, UUID integrationId, String callId, String fromNumber, String toNumber,
                                UUID branchId, UUID appointmentId) {
        entityManager.createNativeQuery("""
                        insert into calls (id, company_id, integration_id, call_id, from_number, to_number, branch_id,
                                           appointment_ids, created_at, updated_at)
                        values (:id, :company, :integration, :callId, cast(:from as text), cast(:to as text), :branch, array[cast(:appointment as uuid)],
                                now(), now())
                        on conflict on constraint calls_once do update set
                            appointment_ids = case when cast(:appointment as uuid) = any (calls.appointment_ids)
                                                   then calls.appointment_ids
                                                   else array_append(calls.appointment_ids, cast(:appointment as uuid)) end,
                            branch_id = coalesce(calls.branch_id, excluded.branch_id),
                            updated_at = now()""")
                .setParameter("id", Ids.newId())
                .setParameter("company", companyId)
                .setParameter("integration", integrationId)
                .setParameter("callId", callId)
                .setParameter("from", fromNumber)
                .setParameter("to", toNumber)
                .setParameter("branch", branchId)
                .setParameter("appointment", appointmentId)
                .executeUpdate();
    }

    /** The appointments the voice agent was told of during the call ({@link #linkAppointment}). */
    public Set<UUID> linkedAppointments(UUID companyId, String callId) {
        return Call.<Call>find("companyId = ?1 and callId = ?2", companyId, callId).firstResultOptional()
                .map(call -> Set.copyOf(Arrays.asList(call.appointmentIds))).orElse(Set.of());
    }

    /**
     * Notes a step of a transfer (the event's name without {@code transfer_}); the inbox hands each provider event
     * over once, so each is one row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CallTransfer recordTransfer(Call call, String status, String destination, String transferType) {
        CallTransfer transfer = new CallTransfer();
        transfer.id = Ids.newId();
        transfer.companyId = call.companyId;
        transfer.callRowId = call.id;
        transfer.status = status;
        transfer.destination = destination;
        transfer.transferType = transferType;
        transfer.occurredAt = Instant.now();
        entityManager.persist(transfer);
        return transfer;
    }

    /** The transfers of these calls (one query for a whole page), each call's in the order they happened. */
    public Map<UUID, List<CallTransfer>> transfers(UUID companyId, List<Call> calls) {
        if (calls.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("""
                        from CallTransfer where companyId = :company and callRowId in :calls
                        order by occurredAt, id""", CallTransfer.class)
                .setParameter("company", companyId)
                .setParameter("calls", calls.stream().map(c -> c.id).toList())
                .getResultStream()
                .collect(Collectors.groupingBy(t -> t.callRowId, Collectors.toList()));
    }

    /** The newest call whose dialled number reached a branch: a real company and number to warm the voice path with. */
    public Optional<Call> latestAnswered() {
        return Call.<Call>find("branchId is not null and toNumber is not null order by id desc").firstResultOptional();
    }

    public Optional<Call> get(UUID companyId, UUID id) {
        return Call.<Call>find("id = ?1 and companyId = ?2", id, companyId).firstResultOptional();
    }

    /** Newest first; {@code before} is the last id of the previous page (ids are time-ordered). */
    public List<Call> list(UUID companyId, Instant from, Instant to, UUID branchId, UUID before, int limit) {
        StringBuilder query = new StringBuilder("companyId = :company");
        Parameters parameters = Parameters.with("company", companyId);
        if (from != null) {
            query.append(" and createdAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and createdAt < :to");
            parameters.and("to", to);
        }
        if (branchId != null) {
            query.append(" and branchId = :branch");
            parameters.and("branch", branchId);
        }
        if (before != null) {
            query.append(" and id < :before");
            parameters.and("before", before);
        }
        return Call.<Call>find(query.append(" order by id desc").toString(), parameters).page(0, limit + 1).list();
    }

    /** The call's row, made where missing and locked for the rest of this transaction. */
    private Call lockedCall(CallRef ref) {
        Call entry = lockedInThisTransaction().get(ref.key());
        if (entry == null) {
            lockAll(List.of(ref));
            entry = lockedInThisTransaction().get(ref.key());
        }
        return entry;
    }

    /** The rows this transaction has locked: a second event of the same call needs no statement. */
    @SuppressWarnings("unchecked")
    private Map<CallKey, Call> lockedInThisTransaction() {
        Map<CallKey, Call> locked = (Map<CallKey, Call>) transactions.getResource(LOCKED);
        if (locked == null) {
            locked = new HashMap<>();
            transactions.putResource(LOCKED, locked);
        }
        return locked;
    }

    /** A call event's call: the row it fills in, made by the first of the call's events to arrive. */
    public record CallRef(UUID companyId, UUID integrationId, String callId) {
        CallKey key() {
            return new CallKey(companyId, callId);
        }
    }

    private record CallKey(UUID companyId, String callId) {
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Instant> millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? Optional.of(Instant.ofEpochMilli(value.asLong())) : Optional.empty();
    }
}
