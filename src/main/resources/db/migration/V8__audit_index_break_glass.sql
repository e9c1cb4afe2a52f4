-- Break-glass uses must be easy to review: index the flag the signed record already carries.
alter table audit_index add column break_glass boolean not null default false;
create index audit_index_break_glass on audit_index (tenant, ts) where break_glass;
