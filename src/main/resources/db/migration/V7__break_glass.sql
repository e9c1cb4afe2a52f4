-- Break-glass: elevated access a person requests with a justification and a second person approves.
-- Rows are never deleted by the gateway: they are part of the access history.
create table break_glass_requests (
    id               varchar(40)  primary key,
    tenant_id        varchar(64)  not null references tenants (id) on delete cascade,
    requester        varchar(255) not null,
    justification    text         not null,
    model_alias      varchar(200),
    phi_unblock      boolean      not null default false,
    lifetime_seconds integer      not null,
    requested_at     timestamptz  not null,
    approver         varchar(255),
    approved_at      timestamptz,
    expires_at       timestamptz,
    revoked_at       timestamptz
);

create index break_glass_tenant on break_glass_requests (tenant_id, requested_at desc);
