-- Whether human users of the tenant must present MFA evidence (amr). Safe default: required.
alter table tenants add column require_mfa boolean not null default true;
