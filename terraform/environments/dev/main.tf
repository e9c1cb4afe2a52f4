# Development: the local-style stack (Ceph RGW, a small PostgreSQL) inside the private cloud.
# Credentials are never written here: export TF_VAR_database_password, TF_VAR_redis_url,
# TF_VAR_s3_access_key, TF_VAR_s3_secret_key, TF_VAR_audit_hmac_keys, TF_VAR_provider_api_keys.

terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.36.0"
    }
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90.0"
    }
  }
}

provider "kubernetes" {
  config_path    = var.kubeconfig
  config_context = var.kube_context
}

# The AWS provider pointed at an S3-compatible store: no AWS account behind it, so every AWS-only
# lookup is skipped. Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
provider "aws" {
  region                      = "us-east-1"
  s3_use_path_style           = true
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    s3 = var.s3_endpoint
  }
}

module "cordon" {
  source = "../../modules/cordon"

  namespace = "cordon-dev"
  image     = "registry.dev.example.internal/cordon/cordon-gateway:latest"

  database_host     = "postgres.dev.example.internal"
  database_name     = "cordon_dev"
  database_user     = "cordon"
  database_password = var.database_password
  redis_url         = var.redis_url

  s3_endpoint         = var.s3_endpoint
  s3_bucket           = "cordon-audit-dev"
  s3_access_key       = var.s3_access_key
  s3_secret_key       = var.s3_secret_key
  s3_legacy_checksums = true # Ceph 16 in dev
  create_bucket       = true
  bucket_sse          = false # the dev Ceph has no SSE-S3 keys configured

  # Dev buckets are torn down with the environment; a six-year COMPLIANCE lock would outlive it.
  audit_retention_days  = 7
  allow_short_retention = true
  audit_hmac_keys       = var.audit_hmac_keys
  audit_current_key_id  = "dev1"
  bootstrap_admin_key   = var.bootstrap_admin_key

  model_providers = {
    vllm = {
      kind     = "openai"
      base_url = "http://vllm.dev.example.internal:8000/v1"
      baa      = "self-hosted"
      timeout  = "120s"
    }
  }
  models = {
    llama3 = {
      provider       = "vllm"
      upstream_model = "meta-llama/Meta-Llama-3-8B-Instruct"
    }
  }
}
