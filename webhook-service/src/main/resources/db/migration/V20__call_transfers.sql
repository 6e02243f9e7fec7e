-- Transfers of a call to a person, one row per transfer event the voice provider sent (started, bridged, cancelled,
-- ended), in the order they happened. They go with their call: retention and deletion of a call remove them.
create table call_transfers (
    id            uuid primary key,
    company_id    uuid        not null,
    call_row_id   uuid        not null references calls (id) on delete cascade,
    status        text        not null,
    destination   text,
    transfer_type text,
    occurred_at   timestamptz not null
);
-- The transfers of a page of calls in one query, and the cascade when calls are deleted: both look rows up by the
-- call's row id, which belongs to one company, so the index starts with it rather than company_id.
create index call_transfers_by_call_idx on call_transfers (call_row_id, occurred_at);
