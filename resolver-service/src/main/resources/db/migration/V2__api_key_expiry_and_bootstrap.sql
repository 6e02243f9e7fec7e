-- Keys can expire (the bootstrap key does, after callbook.auth.bootstrap-api-key-ttl), and the bootstrap key is known
-- as such, so a start whose configuration no longer holds it revokes it.
alter table api_keys add column expires_at timestamptz;
alter table api_keys add column bootstrap boolean not null default false;
-- Platform keys (no company) are listed and revoked by platform admins.
create index api_keys_platform_idx on api_keys (id) where company_id is null;
-- The bootstrap key registered before this column existed.
update api_keys set bootstrap = true where company_id is null and name = 'bootstrap platform admin';
