-- The W3C trace context (traceparent, tracestate) of the transaction that wrote an event. The relay sends the event
-- later from another thread, so it cannot take the trace from where it runs; with these headers the consumers' spans
-- continue the writer's trace. Nullable columns without a default: adding them rewrites nothing.
-- Numbered after V0_1 like every db/common migration; databases that already ran a service's V1... take it out of
-- order (quarkus.flyway.out-of-order, common's microprofile-config.properties).
alter table outbox
    add column trace_parent text,
    add column trace_state  text;
