-- The exclusion constraint on appointments needs equality on uuid inside a GiST index.
create extension if not exists btree_gist;

-- Replica of resolver-service's branches, fed by directory events: the booking path never calls the resolver.
create table branches (
    id         uuid primary key,
    company_id uuid        not null,
    name       text        not null,
    time_zone  text        not null,
    locale     text        not null,
    active     boolean     not null,
    updated_at timestamptz not null default now()
);
create index branches_company_idx on branches (company_id, id);

create table services (
    id                    uuid primary key,
    company_id            uuid        not null,
    name                  text        not null,
    duration_minutes      int         not null check (duration_minutes between 5 and 1440),
    price_cents           bigint check (price_cents >= 0),
    currency              char(3),
    buffer_before_minutes int         not null default 0 check (buffer_before_minutes between 0 and 240),
    buffer_after_minutes  int         not null default 0 check (buffer_after_minutes between 0 and 240),
    slot_interval_minutes int         not null check (slot_interval_minutes between 5 and 1440),
    min_notice_minutes    int         not null default 0 check (min_notice_minutes >= 0),
    booking_window_days   int         not null default 60 check (booking_window_days between 1 and 730),
    active                boolean     not null default true,
    deleted_at            timestamptz,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               bigint      not null default 0
);
create index services_company_idx on services (company_id, id) where deleted_at is null;

create table staff (
    id         uuid primary key,
    company_id uuid        not null,
    branch_id  uuid        not null,
    name       text        not null,
    email      text,
    active     boolean     not null default true,
    deleted_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
create index staff_branch_idx on staff (company_id, branch_id, id) where deleted_at is null;

-- Which services a staff member performs.
create table staff_services (
    staff_id   uuid not null references staff (id) on delete cascade,
    service_id uuid not null references services (id) on delete cascade,
    primary key (staff_id, service_id)
);
create index staff_services_service_idx on staff_services (service_id, staff_id);

-- The regular week: 'work' intervals minus 'break' intervals, in the branch's local time.
create table weekly_hours (
    id          uuid primary key,
    company_id  uuid     not null,
    staff_id    uuid     not null references staff (id) on delete cascade,
    day_of_week smallint not null check (day_of_week between 1 and 7), -- ISO: 1 = Monday
    kind        text     not null check (kind in ('work', 'break')),
    start_time  time     not null,
    end_time    time     not null,
    check (start_time < end_time)
);
create index weekly_hours_staff_idx on weekly_hours (staff_id, day_of_week);

-- Changed hours on one date: when a staff member has any row for a date, these replace the weekly hours.
create table hours_overrides (
    id         uuid primary key,
    company_id uuid not null,
    staff_id   uuid not null references staff (id) on delete cascade,
    on_date    date not null,
    kind       text not null check (kind in ('work', 'break')),
    start_time time not null,
    end_time   time not null,
    check (start_time < end_time)
);
create index hours_overrides_staff_idx on hours_overrides (staff_id, on_date);

-- Holidays, sick days, absences: a staff member (or, without one, the whole branch) is away.
create table time_off (
    id         uuid primary key,
    company_id uuid        not null,
    branch_id  uuid        not null,
    staff_id   uuid references staff (id) on delete cascade,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    reason     text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    check (starts_at < ends_at)
);
create index time_off_branch_idx on time_off (company_id, branch_id, starts_at);

create table customers (
    id         uuid primary key,
    company_id uuid        not null,
    phone_e164 text        not null,
    email      text,
    name       text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0
);
create unique index customers_phone_idx on customers (company_id, phone_e164);
create unique index customers_email_idx on customers (company_id, lower(email)) where email is not null;
create index customers_listing_idx on customers (company_id, id);

create table appointments (
    id                   uuid primary key,
    company_id           uuid        not null,
    branch_id            uuid        not null,
    service_id           uuid        not null references services (id),
    staff_id             uuid        not null references staff (id),
    customer_id          uuid references customers (id),
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    -- starts_at - buffer before .. ends_at + buffer after: the time the staff member is taken.
    blocked_from         timestamptz not null,
    blocked_until        timestamptz not null,
    status               text        not null
        check (status in ('held', 'pending', 'confirmed', 'completed', 'cancelled', 'no_show', 'expired')),
    hold_expires_at      timestamptz,
    source               text        not null check (source in ('api', 'web', 'voice', 'calendar')),
    external_ref         text,
    notes                text,
    idempotency_key      text,
    request_hash         text,
    cancellation_reason  text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null default 0,
    check (starts_at < ends_at),
    check (blocked_from <= starts_at and blocked_until >= ends_at),
    -- No double booking, ever: two live appointments of one staff member cannot overlap, buffers included.
    constraint appointments_no_overlap exclude using gist (
        staff_id with =,
        tstzrange(blocked_from, blocked_until, '[)') with &&
    ) where (status in ('held', 'pending', 'confirmed'))
);
create index appointments_branch_time_idx on appointments (company_id, branch_id, starts_at, id);
create index appointments_staff_time_idx on appointments (company_id, staff_id, starts_at, id);
create index appointments_customer_idx on appointments (company_id, customer_id, starts_at, id);
create unique index appointments_idempotency_idx on appointments (company_id, idempotency_key)
    where idempotency_key is not null;
-- A calendar booking uid is one appointment: redelivered calendar webhooks change nothing. A call may book several.
create unique index appointments_calendar_uid_idx on appointments (company_id, external_ref)
    where source = 'calendar' and external_ref is not null;
create index appointments_external_ref_idx on appointments (company_id, external_ref) where external_ref is not null;
create index appointments_holds_idx on appointments (hold_expires_at) where status = 'held';
