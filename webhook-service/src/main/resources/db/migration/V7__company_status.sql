-- resolver-service's companies as far as this service needs them: whether their integrations, voice functions and
-- outbound webhooks are served. Kept current by directory events; a company without a row has had none yet and is
-- served (the directory is the authority, this is only its copy).
create table companies (
    id         uuid primary key,
    status     text        not null check (status in ('active', 'suspended', 'deleted')),
    updated_at timestamptz not null
);
