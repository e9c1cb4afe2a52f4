# Inputs of the Cordon deployment. Everything that is a credential is marked sensitive so it
# never appears in plan output; values come from TF_VAR_* or a secret store, never from files
# in this repository.

variable "cloud" {
  description = "aws: the object store, KMS, database and Redis come from modules/cordon-aws (IRSA, no S3 keys). onprem: an S3-compatible store with Object Lock reached by endpoint and access keys."
  type        = string
  default     = "onprem"

  validation {
    condition     = contains(["aws", "onprem"], var.cloud)
    error_message = "cloud must be aws or onprem."
  }
}

variable "namespace" {
  description = "Namespace the Knative manifests (knative/) are applied to."
  type        = string
  default     = "cordon"
}

variable "image" {
  description = "Gateway image, ideally by digest; exported for the pipeline's `kustomize edit set image`."
  type        = string
}

# ---- PostgreSQL

variable "database_host" {
  type = string
}

variable "database_port" {
  type    = number
  default = 5432
}

variable "database_name" {
  type    = string
  default = "cordon"
}

variable "database_user" {
  type    = string
  default = "cordon"
}

variable "database_password" {
  type      = string
  sensitive = true
}

# ---- Redis: key revocation and the audit spool

variable "redis_url" {
  description = "redis:// or rediss:// URL; kept in the Secret because it may carry a password."
  type        = string
  sensitive   = true
}

variable "redis_client_type" {
  description = "standalone, or cluster for MemoryDB (always cluster mode)."
  type        = string
  default     = "standalone"

  validation {
    condition     = contains(["standalone", "cluster"], var.redis_client_type)
    error_message = "redis_client_type must be standalone or cluster."
  }
}

# ---- S3 for the audit trail

variable "s3_endpoint" {
  description = "S3 endpoint URL (Ceph RGW, MinIO, AWS)."
  type        = string
}

variable "s3_region" {
  type    = string
  default = "us-east-1"
}

variable "s3_bucket" {
  type    = string
  default = "cordon-audit"
}

# Empty on AWS: the keys are still written (empty) so the gateway falls back to the SDK's default
# chain, which picks up the IRSA web identity token.
variable "s3_access_key" {
  type      = string
  default   = ""
  sensitive = true
}

variable "s3_secret_key" {
  type      = string
  default   = ""
  sensitive = true
}

variable "s3_legacy_checksums" {
  description = "Ceph 16 rejects the AWS SDK's default flexible checksums; true sends them only when required."
  type        = bool
  default     = false
}

variable "create_bucket" {
  description = "On-prem only: create the audit bucket with Object Lock through the S3 API of s3_endpoint. False when the storage team hands one over, and always false on AWS, where modules/cordon-aws owns the bucket."
  type        = bool
  default     = false

  # Two modules creating the same bucket name would fight over it; on AWS the bucket with its KMS
  # key, policy and access logging belongs to cordon-aws.
  validation {
    condition     = !(var.create_bucket && var.cloud == "aws")
    error_message = "create_bucket must be false when cloud is aws: modules/cordon-aws creates the audit bucket."
  }
}

variable "bucket_sse" {
  description = "Set default server-side encryption on the bucket (some S3-compatible stores lack the API)."
  type        = bool
  default     = true
}

variable "kms_key_id" {
  description = "On-prem bucket creation: KMS key for the bucket's default SSE-KMS; null means SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "audit_kms_key_id" {
  description = "Key the gateway names in each PutObject (cordon.audit.kms-key-id); on AWS the audit key ARN from cordon-aws. Null leaves it to the bucket default."
  type        = string
  default     = null
}

variable "audit_prefix" {
  description = "Key prefix of the audit objects (cordon.audit.prefix); must match the prefix the IAM policy grants."
  type        = string
  default     = "audit/"
}

# ---- Audit trail

variable "audit_retention_days" {
  description = "COMPLIANCE retention of every audit segment. HIPAA asks for six years of documentation."
  type        = number
  default     = 2190

  validation {
    condition     = var.audit_retention_days >= 2190 || var.allow_short_retention
    error_message = "audit_retention_days must be at least 2190 (six years); set allow_short_retention only for throw-away test environments."
  }
}

variable "allow_short_retention" {
  description = "Permits audit_retention_days below 2190. Test environments only: COMPLIANCE locks cannot be shortened later."
  type        = bool
  default     = false
}

variable "audit_hmac_keys" {
  description = "HMAC keys that sign audit records, by key id. Old ids stay so older segments still verify."
  type        = map(string)
  sensitive   = true

  validation {
    condition     = alltrue([for id, key in var.audit_hmac_keys : can(regex("^[a-z][a-z0-9]*$", id)) && length(key) >= 32])
    error_message = "Each audit HMAC key id must be lower-case letters and digits, and each key at least 32 characters."
  }
}

variable "audit_current_key_id" {
  description = "Key id that signs new records; must be a key of audit_hmac_keys."
  type        = string

  validation {
    condition     = contains(nonsensitive(keys(var.audit_hmac_keys)), var.audit_current_key_id)
    error_message = "audit_current_key_id must name one of the keys in audit_hmac_keys."
  }
}

variable "bootstrap_admin_key" {
  description = "Admin API key for the first setup; leave empty once tenants are managed."
  type        = string
  default     = ""
  sensitive   = true
}

# ---- Providers and model aliases
#
# Ids and aliases travel as parts of environment variable names (CORDON_PROVIDERS_<ID>_KIND), and
# the gateway can only read such a name back unambiguously when the part is one run of letters and
# digits: "llama-3-70b" would come back as an indexed key, "my_vllm" not at all. Hence the
# validations below; an alias with dashes needs the application to read dotted keys from a file.

variable "model_providers" {
  description = "Upstream model servers by id."
  type = map(object({
    kind     = string
    base_url = string
    baa      = string
    timeout  = optional(string, "60s")
    api_key  = optional(string)
  }))
  sensitive = true

  validation {
    condition     = alltrue([for id, p in var.model_providers : contains(["openai", "ollama", "azure-openai"], p.kind)])
    error_message = "Provider kind must be one of openai, ollama, azure-openai."
  }
  validation {
    condition     = alltrue([for id, p in var.model_providers : contains(["covered", "self-hosted", "none"], p.baa)])
    error_message = "Provider baa must be one of covered, self-hosted, none."
  }
  validation {
    condition     = alltrue([for id, p in var.model_providers : can(regex("^[a-z][a-z0-9]*$", id))])
    error_message = "Provider ids must be lower-case letters and digits only (they become parts of env var names)."
  }
}

variable "models" {
  description = "Model aliases callers use, each served by one provider."
  type = map(object({
    provider       = string
    upstream_model = string
    type           = optional(string, "chat")
  }))

  validation {
    condition     = alltrue([for alias, m in var.models : can(regex("^[a-z][a-z0-9]*$", alias))])
    error_message = "Model aliases must be lower-case letters and digits only (they become parts of env var names)."
  }
  validation {
    condition     = alltrue([for alias, m in var.models : contains(["chat", "embedding"], m.type)])
    error_message = "Model type must be chat or embedding."
  }
  validation {
    condition     = alltrue([for alias, m in var.models : contains(nonsensitive(keys(var.model_providers)), m.provider)])
    error_message = "Every model must name a provider defined in model_providers."
  }
}
