# Inputs of the AWS side. Credentials are marked sensitive and come from TF_VAR_* or a secret
# store; the validations refuse settings a hospital's security review would refuse anyway.

variable "name" {
  description = "Prefix of every resource name (role, keys, database, Redis)."
  type        = string
  default     = "cordon"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}$", var.name))
    error_message = "name must be 2-31 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "tags" {
  description = "Tags on every resource (cost centre, data classification)."
  type        = map(string)
  default     = {}
}

variable "namespace" {
  description = "Kubernetes namespace of the gateway; the IRSA trust is limited to its cordon-gateway service account."
  type        = string
  default     = "cordon"
}

# ---- EKS identity (IRSA)

variable "eks_oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (aws_iam_openid_connect_provider or the EKS module's oidc_provider_arn)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.eks_oidc_provider_arn))
    error_message = "eks_oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "eks_oidc_provider_url" {
  description = "Issuer URL of the cluster (with or without https://), e.g. https://oidc.eks.eu-central-1.amazonaws.com/id/ABC."
  type        = string

  validation {
    condition     = can(regex("^(https://)?oidc\\.[^/]+/id/[0-9A-Za-z]+$", var.eks_oidc_provider_url))
    error_message = "eks_oidc_provider_url must be the cluster's issuer URL, e.g. https://oidc.eks.<region>.amazonaws.com/id/<id>."
  }
}

# ---- Audit bucket

variable "audit_bucket_name" {
  description = "Name of the Object Lock bucket holding the audit trail."
  type        = string
}

variable "access_log_bucket_name" {
  description = "Name of the bucket receiving S3 server access logs of the audit bucket."
  type        = string
}

variable "audit_prefix" {
  description = "Key prefix the gateway writes under (cordon.audit.prefix); the IAM policy is limited to it."
  type        = string
  default     = "audit/"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]*/$", var.audit_prefix))
    error_message = "audit_prefix must be non-empty, end with / and hold only lower-case letters, digits and dashes: an empty prefix would grant the whole bucket."
  }
}

variable "audit_retention_days" {
  description = "COMPLIANCE default retention of the audit bucket. HIPAA asks for six years of documentation."
  type        = number
  default     = 2190

  validation {
    condition     = var.audit_retention_days >= 2190 || var.allow_short_retention
    error_message = "audit_retention_days must be at least 2190 (six years); set allow_short_retention only for throw-away test accounts."
  }
}

variable "allow_short_retention" {
  description = "Permits audit_retention_days below 2190. Test accounts only: COMPLIANCE locks cannot be shortened later."
  type        = bool
  default     = false
}

variable "access_log_retention_days" {
  description = "Days S3 access logs of the audit bucket are kept."
  type        = number
  default     = 2190

  validation {
    condition     = var.access_log_retention_days >= 365
    error_message = "access_log_retention_days must be at least 365."
  }
}

variable "audit_reader_arns" {
  description = "IAM principals (auditors, the chain verifier) allowed to decrypt audit segments through S3. Their S3 read permissions are granted in their own IAM policies."
  type        = list(string)
  default     = []
}

# ---- KMS

variable "kms_admin_arns" {
  description = "IAM principals administering the KMS keys; include the role Terraform runs as, or the next apply cannot update the key policy."
  type        = list(string)

  validation {
    condition     = length(var.kms_admin_arns) > 0 && alltrue([for arn in var.kms_admin_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:", arn))])
    error_message = "kms_admin_arns must list at least one IAM principal ARN; a key without administrators cannot be managed again."
  }
}

variable "kms_deletion_window_days" {
  description = "Waiting period before a scheduled key deletion takes effect; the longest gives the most time to notice."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_deletion_window_days >= 7 && var.kms_deletion_window_days <= 30
    error_message = "kms_deletion_window_days must be between 7 and 30."
  }
}

# ---- Network

variable "subnet_ids" {
  description = "Private subnets (at least two availability zones) for PostgreSQL and Redis."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids must name at least two subnets, in different availability zones."
  }
}

variable "db_security_group_ids" {
  description = "Security groups of the database; they should admit 5432 only from the gateway's nodes or pods."
  type        = list(string)

  validation {
    condition     = length(var.db_security_group_ids) > 0
    error_message = "db_security_group_ids must not be empty."
  }
}

variable "redis_security_group_ids" {
  description = "Security groups of Redis; they should admit 6379 only from the gateway's nodes or pods."
  type        = list(string)

  validation {
    condition     = length(var.redis_security_group_ids) > 0
    error_message = "redis_security_group_ids must not be empty."
  }
}

# ---- PostgreSQL

variable "db_engine_version" {
  description = "PostgreSQL version; the parameter group is postgres15, so only 15.x fits."
  type        = string
  default     = "15"

  validation {
    condition     = can(regex("^15(\\.[0-9]+)?$", var.db_engine_version))
    error_message = "db_engine_version must be 15 or 15.x (the parameter group family is postgres15)."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.medium"
}

variable "db_allocated_storage" {
  description = "Initial storage in GiB."
  type        = number
  default     = 50
}

variable "db_max_allocated_storage" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 200
}

variable "db_name" {
  description = "Database name (CORDON_DB_NAME)."
  type        = string
  default     = "cordon"
}

variable "db_username" {
  description = "Master user name (CORDON_DB_USER)."
  type        = string
  default     = "cordon"
}

variable "db_password" {
  description = "Master password (CORDON_DB_PASSWORD); from TF_VAR_db_password."
  type        = string
  sensitive   = true
}

variable "db_iam_authentication" {
  description = "Enables RDS IAM database authentication (the gateway still uses the password unless configured otherwise)."
  type        = bool
  default     = false
}

variable "db_multi_az" {
  description = "Standby in a second availability zone."
  type        = bool
  default     = true
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (point-in-time recovery window)."
  type        = number
  default     = 14

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 7 and 35."
  }
}

# ---- Redis

variable "redis_flavor" {
  description = "memorydb (durable, default), elasticache (no AOF: a failover can lose spooled audit records), or none (bring your own Redis with AOF)."
  type        = string
  default     = "memorydb"

  validation {
    condition     = contains(["memorydb", "elasticache", "none"], var.redis_flavor)
    error_message = "redis_flavor must be memorydb, elasticache or none."
  }
}

variable "redis_engine_version" {
  description = "Redis engine version (7.x)."
  type        = string
  default     = "7.1"

  validation {
    condition     = can(regex("^7\\.[0-9]+$", var.redis_engine_version))
    error_message = "redis_engine_version must be 7.x."
  }
}

variable "redis_node_type" {
  description = "Node type; null picks db.t4g.small (MemoryDB) or cache.t4g.small (ElastiCache)."
  type        = string
  default     = null
}

variable "redis_replicas" {
  description = "Replicas of the primary; at least one gives automatic failover."
  type        = number
  default     = 1

  validation {
    condition     = var.redis_replicas >= 0 && var.redis_replicas <= 5
    error_message = "redis_replicas must be between 0 and 5."
  }
}

variable "redis_snapshot_retention_days" {
  description = "Days of daily Redis snapshots."
  type        = number
  default     = 7

  validation {
    condition     = var.redis_snapshot_retention_days >= 1
    error_message = "redis_snapshot_retention_days must be at least 1."
  }
}

variable "redis_username" {
  description = "MemoryDB ACL user the gateway connects as (ElastiCache uses the default user with auth_token)."
  type        = string
  default     = "cordon"
}

# Restricted to URL-safe characters: it is written into CORDON_REDIS_URL unescaped.
variable "redis_auth_token" {
  description = "Redis password / ElastiCache AUTH token; from TF_VAR_redis_auth_token."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.redis_flavor == "none" || can(regex("^[A-Za-z0-9_-]{32,128}$", var.redis_auth_token))
    error_message = "redis_auth_token must be 32-128 letters, digits, _ or - (required unless redis_flavor is none)."
  }
}
