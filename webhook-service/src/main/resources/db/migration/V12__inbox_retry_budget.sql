-- When an event's current run of failures began: its retries end, dead-lettered, once they have lasted
-- callbook.webhook.processing.retry-budget, however many were spent waiting for an unavailable service (those count no
-- attempt). A replay starts a new run. Nullable without a default: adding it rewrites nothing.
alter table inbound_events add column failing_since timestamptz;
