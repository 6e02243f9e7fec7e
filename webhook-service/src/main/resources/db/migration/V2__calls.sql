-- The call log, built from the voice provider's call events (in whatever order they arrive).
create table calls (
    id                    uuid primary key,
    company_id            uuid        not null,
    integration_id        uuid        not null references integrations (id),
    call_id               text        not null,
    agent_id              text,
    from_number           text,
    to_number             text,
    branch_id             uuid,
    started_at            timestamptz,
    ended_at              timestamptz,
    duration_ms           bigint,
    disconnection_reason  text,
    summary               text,
    sentiment             text,
    appointment_ids       uuid[]      not null default '{}',
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint calls_once unique (company_id, call_id)
);
create index calls_listing_idx on calls (company_id, id desc);

-- The worker's queue: what is due, most urgent first.
create index inbound_events_due_idx on inbound_events (priority, received_at)
    where status in ('received', 'failed');
