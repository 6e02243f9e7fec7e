-- Per tenant: whether the voice agent may look up customers and cancel appointments for numbers other than the
-- caller's own. No row means no: a company opts in through the API.
create table voice_policies (
    company_id            uuid primary key,
    other_numbers_allowed boolean     not null default false,
    updated_at            timestamptz not null default now()
);
