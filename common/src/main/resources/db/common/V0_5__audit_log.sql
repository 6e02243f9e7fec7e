-- Who did which administrative action, in every service's own database (common's AuditLog), written in the same
-- transaction as the action. Append-only in the database itself: the triggers below refuse UPDATE, DELETE and TRUNCATE
-- whatever the application or a person with the service's credentials tries, so the log cannot be edited to hide an
-- action. Retention does not touch it (docs/adr/0011-data-retention-and-audit-log.md); it holds no personal data of
-- callers, only ids of what was acted on and who acted.
create table audit_log (
    id          uuid primary key,
    occurred_at timestamptz not null,
    action      text        not null,
    company_id  uuid,
    actor       text        not null,
    subject     text,
    details     jsonb       not null default '{}',
    request_id  text
);
-- Platform admins page newest first, all tenants or one.
create index audit_log_company_id_idx on audit_log (company_id, id);

create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_log is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_append_only();
