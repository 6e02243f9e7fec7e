-- Tenants' endpoints for our events (Standard Webhooks), and every delivery and attempt, so failures are visible.
create table webhook_endpoints (
    id              uuid primary key,
    company_id      uuid        not null,
    url             text        not null,
    event_types     text[]      not null,
    secret_sealed   text        not null,
    active          boolean     not null default true,
    disabled_reason text,
    deleted_at      timestamptz,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint      not null default 0
);
create index webhook_endpoints_company_idx on webhook_endpoints (company_id, id) where deleted_at is null;

create table deliveries (
    id               uuid primary key, -- the webhook-id header: the same on every attempt
    endpoint_id      uuid        not null references webhook_endpoints (id),
    company_id       uuid        not null,
    event_id         text        not null,
    event_type       text        not null,
    payload          text        not null,
    status           text        not null
        check (status in ('pending', 'delivering', 'delivered', 'failed', 'exhausted', 'cancelled')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null,
    delivered_at     timestamptz,
    constraint deliveries_once unique (endpoint_id, event_id)
);
create index deliveries_due_idx on deliveries (next_attempt_at) where status in ('pending', 'failed', 'delivering');
create index deliveries_endpoint_idx on deliveries (company_id, endpoint_id, id);

create table delivery_attempts (
    id           bigserial primary key,
    delivery_id  uuid        not null references deliveries (id),
    attempted_at timestamptz not null,
    status_code  int,
    error        text,
    duration_ms  int         not null
);
create index delivery_attempts_delivery_idx on delivery_attempts (delivery_id, id);
