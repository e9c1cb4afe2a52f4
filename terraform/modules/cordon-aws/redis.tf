# Redis holds key revocations and, more importantly, the audit spool: records the gateway has
# accepted but not yet shipped to the locked bucket. Cordon relies on AOF with appendfsync always
# so an acknowledged record survives a crash. ElastiCache offers no AOF at all for Redis 7 (only
# snapshots, and replication is asynchronous), so a failover can lose acknowledged audit records.
# MemoryDB commits every write to a multi-AZ transaction log before acknowledging it, which gives
# the durability the spool needs; it is the default. ElastiCache stays available as a flavour for
# sites that accept that window; a self-managed Redis with AOF is the other durable choice (point
# modules/cordon's redis_url at it and set redis_flavor to "none").
#
# MemoryDB is always cluster mode (one shard here, so every key lives on one primary): the gateway
# must connect as a cluster client (QUARKUS_REDIS_CLIENT_TYPE=cluster, see outputs.tf).

locals {
  memorydb    = var.redis_flavor == "memorydb"
  elasticache = var.redis_flavor == "elasticache"
}

# ---- MemoryDB (default)

resource "aws_memorydb_subnet_group" "cordon" {
  count      = local.memorydb ? 1 : 0
  name       = "${var.name}-redis"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

# A named user with a password instead of the open default user: MemoryDB's "open-access" ACL
# would accept any client that reaches the port.
resource "aws_memorydb_user" "cordon" {
  count         = local.memorydb ? 1 : 0
  user_name     = var.redis_username
  access_string = "on ~* &* +@all"
  authentication_mode {
    type      = "password"
    passwords = [var.redis_auth_token]
  }
  tags = var.tags
}

resource "aws_memorydb_acl" "cordon" {
  count      = local.memorydb ? 1 : 0
  name       = "${var.name}-redis"
  user_names = [aws_memorydb_user.cordon[0].user_name]
  tags       = var.tags
}

resource "aws_memorydb_cluster" "cordon" {
  count                  = local.memorydb ? 1 : 0
  name                   = "${var.name}-redis"
  engine_version         = var.redis_engine_version
  node_type              = coalesce(var.redis_node_type, "db.t4g.small")
  num_shards             = 1
  num_replicas_per_shard = var.redis_replicas
  acl_name               = aws_memorydb_acl.cordon[0].name
  subnet_group_name      = aws_memorydb_subnet_group.cordon[0].name
  security_group_ids     = var.redis_security_group_ids
  port                   = 6379

  tls_enabled              = true
  kms_key_arn              = aws_kms_key.data.arn
  snapshot_retention_limit = var.redis_snapshot_retention_days

  auto_minor_version_upgrade = true
  tags                       = var.tags
}

# ---- ElastiCache (alternative; see the durability caveat above)

resource "aws_elasticache_subnet_group" "cordon" {
  count      = local.elasticache ? 1 : 0
  name       = "${var.name}-redis"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_elasticache_replication_group" "cordon" {
  count                = local.elasticache ? 1 : 0
  replication_group_id = "${var.name}-redis"
  description          = "Cordon key revocations and audit spool"
  engine               = "redis"
  engine_version       = var.redis_engine_version
  node_type            = coalesce(var.redis_node_type, "cache.t4g.small")
  num_cache_clusters   = 1 + var.redis_replicas
  port                 = 6379
  subnet_group_name    = aws_elasticache_subnet_group.cordon[0].name
  security_group_ids   = var.redis_security_group_ids

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.data.arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = var.redis_auth_token

  # Failover needs a replica to promote; with one node it would only fail the apply.
  automatic_failover_enabled = var.redis_replicas > 0
  multi_az_enabled           = var.redis_replicas > 0
  snapshot_retention_limit   = var.redis_snapshot_retention_days

  auto_minor_version_upgrade = true
  apply_immediately          = false
  tags                       = var.tags
}
