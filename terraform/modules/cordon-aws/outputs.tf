# Named after the environment variables the gateway reads, so wiring them into modules/cordon is
# one line each and a reviewer can match them against application.properties without a table.

locals {
  redis_host = (local.memorydb ? aws_memorydb_cluster.cordon[0].cluster_endpoint[0].address
  : local.elasticache ? aws_elasticache_replication_group.cordon[0].primary_endpoint_address : null)
  # ElastiCache authenticates the default user with the AUTH token; MemoryDB needs the ACL user.
  redis_user = local.memorydb ? var.redis_username : ""
}

output "CORDON_DB_HOST" {
  description = "cordon: quarkus.datasource host."
  value       = aws_db_instance.cordon.address
}

output "CORDON_DB_PORT" {
  value = aws_db_instance.cordon.port
}

output "CORDON_DB_NAME" {
  value = aws_db_instance.cordon.db_name
}

output "CORDON_DB_USER" {
  value = aws_db_instance.cordon.username
}

output "CORDON_REDIS_URL" {
  description = "rediss:// (TLS) URL with credentials; null when redis_flavor is none."
  value       = local.redis_host == null ? null : "rediss://${local.redis_user}:${var.redis_auth_token}@${local.redis_host}:6379"
  sensitive   = true
}

output "QUARKUS_REDIS_CLIENT_TYPE" {
  description = "MemoryDB only speaks cluster mode; ElastiCache here is a single replication group."
  value       = local.memorydb ? "cluster" : "standalone"
}

output "CORDON_S3_ENDPOINT" {
  value = "https://s3.${local.region}.${data.aws_partition.current.dns_suffix}"
}

output "CORDON_S3_REGION" {
  value = local.region
}

output "CORDON_AUDIT_BUCKET" {
  value = aws_s3_bucket.audit.id
}

output "CORDON_AUDIT_PREFIX" {
  value = var.audit_prefix
}

output "CORDON_AUDIT_RETENTION_DAYS" {
  value = var.audit_retention_days
}

output "CORDON_AUDIT_KMS_KEY_ID" {
  description = "cordon.audit.kms-key-id: the key ARN the gateway names in each PutObject."
  value       = aws_kms_key.audit.arn
}

output "gateway_role_arn" {
  description = "Annotate the cordon-gateway ServiceAccount with eks.amazonaws.com/role-arn=<this>."
  value       = aws_iam_role.gateway.arn
}

output "data_kms_key_arn" {
  value = aws_kms_key.data.arn
}

output "access_log_bucket" {
  value = aws_s3_bucket.access_logs.id
}

# Forces the ordering a first apply needs: the gateway must not start before the lock exists.
output "audit_bucket_ready" {
  description = "Depend on this before starting the gateway: the bucket with its lock, encryption and policy."
  value       = aws_s3_bucket.audit.id
  depends_on = [
    aws_s3_bucket_object_lock_configuration.audit,
    aws_s3_bucket_server_side_encryption_configuration.audit,
    aws_s3_bucket_policy.audit,
    aws_iam_role_policy.gateway,
  ]
}
