-- One row per erasure: what was erased and by whom, never whose data it was (no phone, name or email is kept).
-- webhook-service's counts arrive later by event; null until then.
create table customer_erasures (
    id                        uuid primary key,
    company_id                uuid        not null,
    customer_id               uuid,
    requested_by              text        not null,
    requested_at              timestamptz not null,
    customers_deleted         int         not null,
    appointments_anonymised   int         not null,
    calls_anonymised          int,
    inbound_events_anonymised int,
    webhook_completed_at      timestamptz
);
-- A customer is erased once: a repeated DELETE finds this row and answers with its report.
create unique index customer_erasures_customer_idx on customer_erasures (company_id, customer_id)
    where customer_id is not null;
create index customer_erasures_company_idx on customer_erasures (company_id, id);
