-- A tenant's own retention periods in days; null keeps the platform's default (callbook.webhook.retention.*). The purge
-- tasks join this table in their delete statements, so it stays small: one row per tenant that chose its own periods.
create table retention_settings (
    company_id      uuid primary key,
    inbox_days      int,
    call_log_days   int,
    deliveries_days int,
    updated_at      timestamptz not null
);
