-- Per-tenant PHI policy (JSON: default action, per-type actions, per-purpose overrides).
-- Null means the gateway-wide defaults from cordon.phi.*.
alter table tenants add column phi_policy text;
