# Production. State holds the Secret's values, so it lives in an encrypted, access-controlled
# backend, configured at init: terraform init -backend-config=prod.s3.tfbackend
# Credentials come from TF_VAR_* (injected by the pipeline from the secret store), never from files.

terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  backend "s3" {}

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

provider "aws" {
  region                      = var.s3_region
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

  namespace = "cordon"
  # By digest: what runs is exactly what was scanned and signed.
  image = var.image

  database_host     = "postgres.prod.example.internal"
  database_name     = "cordon"
  database_user     = "cordon"
  database_password = var.database_password
  redis_url         = var.redis_url

  s3_endpoint   = var.s3_endpoint
  s3_region     = var.s3_region
  s3_bucket     = "cordon-audit"
  s3_access_key = var.s3_access_key
  s3_secret_key = var.s3_secret_key
  create_bucket = true
  kms_key_id    = var.kms_key_id

  # Six years, the HIPAA documentation period; the module refuses less here.
  audit_retention_days = 2190
  audit_hmac_keys      = var.audit_hmac_keys
  audit_current_key_id = var.audit_current_key_id

  model_providers = {
    vllm = {
      kind     = "openai"
      base_url = "http://vllm.prod.example.internal:8000/v1"
      baa      = "self-hosted"
      timeout  = "120s"
    }
    azure = {
      kind     = "azure-openai"
      base_url = "https://example-hospital.openai.azure.com"
      baa      = "covered"
      timeout  = "60s"
      api_key  = var.azure_openai_api_key
    }
  }
  models = {
    llama3 = {
      provider       = "vllm"
      upstream_model = "meta-llama/Meta-Llama-3-70B-Instruct"
    }
    gpt4o = {
      provider       = "azure"
      upstream_model = "gpt4o-prod" # the Azure deployment name
    }
    embed = {
      provider       = "vllm"
      upstream_model = "BAAI/bge-m3"
      type           = "embedding"
    }
  }
}
