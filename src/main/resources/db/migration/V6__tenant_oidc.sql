-- Per-tenant OIDC identity provider: the tenant's users present bearer access tokens from it.
-- Null issuer: the tenant has no OIDC provider. The (issuer, audience) pair picks the tenant that
-- verifies a token, so it must name at most one tenant.
alter table tenants add column oidc_issuer        varchar(500);
alter table tenants add column oidc_client_id     varchar(200);
alter table tenants add column oidc_audience      varchar(200);
alter table tenants add column oidc_discovery_url varchar(500);
alter table tenants add column oidc_jwks_url      varchar(500);
alter table tenants add column oidc_acr_values    varchar(1000);
alter table tenants add column oidc_roles_claim   varchar(200);

create unique index tenants_oidc_issuer_audience on tenants (oidc_issuer, oidc_audience) where oidc_issuer is not null;
