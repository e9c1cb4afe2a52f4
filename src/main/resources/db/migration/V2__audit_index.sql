-- Metadata index of shipped audit records, for "who accessed which patient, when" queries.
-- The signed segments in the object store remain the record of truth; this table cites them.
create table audit_index (
    chain_id       varchar(64)  not null,
    seq            bigint       not null,
    ts             timestamptz  not null,
    request_id     varchar(128) not null,
    tenant         varchar(64),
    actor          varchar(128),
    actor_type     varchar(16),
    action         varchar(64)  not null,
    model          varchar(200),
    patient_id     varchar(128),
    document_id    varchar(128),
    purpose        varchar(40),
    outcome        varchar(16)  not null,
    http_status    integer      not null,
    segment_key    varchar(400) not null,
    primary key (chain_id, seq)
);

create index audit_index_patient on audit_index (patient_id, ts) where patient_id is not null;
create index audit_index_actor on audit_index (actor, ts);
create index audit_index_tenant on audit_index (tenant, ts);
create index audit_index_ts on audit_index (ts);
