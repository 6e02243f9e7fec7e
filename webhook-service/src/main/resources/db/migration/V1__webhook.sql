-- A tenant's account at a provider: which secret signs its webhooks (sealed with callbook.secrets.key).
create table integrations (
    id            uuid primary key,
    company_id    uuid        not null,
    provider      text        not null check (provider in ('voice', 'calendar')),
    name          text        not null,
    secret_sealed text        not null,
    active        boolean     not null default true,
    deleted_at    timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    version       bigint      not null default 0
);
create index integrations_company_idx on integrations (company_id, id) where deleted_at is null;

-- The durable inbox: every accepted webhook, once per provider event identity, before anything else happens.
create table inbound_events (
    id              uuid primary key,
    integration_id  uuid        not null references integrations (id),
    company_id      uuid        not null,
    provider        text        not null,
    event_type      text        not null,
    dedupe_key      text        not null,
    status          text        not null
        check (status in ('received', 'processing', 'done', 'failed', 'dead', 'ignored')),
    priority        smallint    not null,
    attempts        int         not null default 0,
    next_attempt_at timestamptz,
    last_error      text,
    body            text        not null,
    received_at     timestamptz not null,
    processed_at    timestamptz,
    constraint inbound_events_once unique (integration_id, dedupe_key)
);
create index inbound_events_status_idx on inbound_events (company_id, status, received_at, id);
