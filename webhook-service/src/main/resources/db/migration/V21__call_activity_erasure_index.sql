-- The live view's call activity waits in the outbox (published rows are kept for common's outbox retention) and
-- carries callers' numbers and words; a caller's erasure deletes their calls' rows through this index (CallerErasures).
-- Partial: no other event pays for it.
create index if not exists outbox_call_activity_idx on outbox (tenant_id, aggregate_id)
    where topic = 'callbook.webhooks.call-activity.v1';
