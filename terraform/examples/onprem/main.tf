# On-prem: no AWS account, only an S3-compatible store with Object Lock (Ceph RGW, MinIO,
# NetApp StorageGRID) reached by endpoint and access keys. The AWS provider is only used as an
# S3 client against that endpoint, to create the locked bucket once (create_bucket = true);
# set it to false when the storage team hands over a bucket they created.
#
#   export TF_VAR_database_password=… TF_VAR_redis_url=rediss://:…@redis.example.internal:6379 \
#          TF_VAR_s3_access_key=… TF_VAR_s3_secret_key=… \
#          TF_VAR_audit_hmac_keys='{"k2026":"…"}' TF_VAR_audit_current_key_id=k2026 TF_VAR_image=…

terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.36.0"
    }
  }
}

# Nothing here talks to AWS itself: no account lookup, no STS, no instance metadata.
provider "aws" {
  region                      = var.s3_region
  access_key                  = var.s3_access_key
  secret_key                  = var.s3_secret_key
  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    s3 = var.s3_endpoint
  }
}

provider "kubernetes" {
  config_path    = var.kubeconfig
  config_context = var.kube_context
}

module "cordon" {
  source = "../../modules/cordon"

  cloud     = "onprem"
  namespace = "cordon"
  image     = var.image

  database_host     = "postgres.example.internal"
  database_password = var.database_password
  # A Redis with AOF (appendfsync always) run by the site: it holds the audit spool.
  redis_url = var.redis_url

  s3_endpoint   = var.s3_endpoint
  s3_region     = var.s3_region
  s3_bucket     = "cordon-audit"
  s3_access_key = var.s3_access_key
  s3_secret_key = var.s3_secret_key
  create_bucket = true
  # Ceph 16 rejects the SDK's newer checksums.
  s3_legacy_checksums = true

  audit_retention_days = 2190
  audit_hmac_keys      = var.audit_hmac_keys
  audit_current_key_id = var.audit_current_key_id

  model_providers = {
    vllm = {
      kind     = "openai"
      base_url = "http://vllm.example.internal:8000/v1"
      baa      = "self-hosted"
    }
  }
  models = {
    llama3 = {
      provider       = "vllm"
      upstream_model = "meta-llama/Meta-Llama-3-70B-Instruct"
    }
  }
}

output "config_keys" {
  value = module.cordon.config_keys
}
