-- Tenants, their model allowlists, tenant API keys and admin keys.
-- Keys are stored only as SHA-256 hashes of their secrets.
create table tenants (
    id                         varchar(64)  primary key,
    name                       varchar(200) not null,
    created_at                 timestamptz  not null,
    allow_non_baa_deidentified boolean      not null default false
);

create table tenant_models (
    tenant_id   varchar(64)  not null references tenants (id) on delete cascade,
    model_alias varchar(200) not null,
    primary key (tenant_id, model_alias)
);

create table api_keys (
    id         varchar(40)  primary key,
    tenant_id  varchar(64)  not null references tenants (id) on delete cascade,
    name       varchar(200) not null,
    key_hash   char(64)     not null unique,
    key_prefix varchar(16)  not null,
    created_at timestamptz  not null,
    revoked_at timestamptz
);

create index api_keys_tenant on api_keys (tenant_id);

create table admin_keys (
    id         varchar(40)  primary key,
    name       varchar(200) not null,
    key_hash   char(64)     not null unique,
    created_at timestamptz  not null,
    revoked_at timestamptz
);
