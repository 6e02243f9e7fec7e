-- Shared by every service (flyway location db/common): events are written here in the same
-- transaction as the data they describe, then relayed to Kafka.
create table outbox (
    id           bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_type   text        not null,
    aggregate_id text        not null,
    tenant_id    uuid,
    payload      jsonb       not null,
    request_id   text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
-- The relay only ever looks for what is still unpublished, oldest first.
create index outbox_unpublished_idx on outbox (id) where published_at is null;
create index outbox_published_at_idx on outbox (published_at) where published_at is not null;

-- Consumers record the events they have handled, so redelivery changes nothing.
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
