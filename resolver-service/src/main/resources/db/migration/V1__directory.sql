create table companies (
    id             uuid primary key,
    name           text        not null,
    default_region char(2)     not null,
    active         boolean     not null default true,
    deleted_at     timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);
create index companies_listing_idx on companies (id) where deleted_at is null;

create table branches (
    id           uuid primary key,
    company_id   uuid        not null references companies (id),
    name         text        not null,
    time_zone    text        not null,
    locale       text        not null,
    phone_region char(2)     not null,
    active       boolean     not null default true,
    deleted_at   timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
-- Tenant first: every branch query is scoped by company and pages by id.
create index branches_company_idx on branches (company_id, id) where deleted_at is null;

create table phone_numbers (
    id          uuid primary key,
    company_id  uuid        not null references companies (id),
    branch_id   uuid        not null references branches (id),
    e164        text        not null,
    label       text,
    active      boolean     not null default true,
    released_at timestamptz,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0
);
-- A number belongs to at most one tenant at a time; released numbers keep their history.
create unique index phone_numbers_e164_assigned_uq on phone_numbers (e164) where released_at is null;
create index phone_numbers_company_idx on phone_numbers (company_id, id) where released_at is null;
create index phone_numbers_branch_idx on phone_numbers (branch_id) where released_at is null;

create table api_keys (
    id           uuid primary key,
    company_id   uuid references companies (id), -- null: a platform key
    name         text        not null,
    prefix       text        not null unique,
    secret_hash  text        not null,
    groups       text        not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_keys_company_idx on api_keys (company_id, id);
