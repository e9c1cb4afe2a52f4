# AWS end to end: cordon-aws creates the stores and the gateway's IAM role, cordon writes their
# coordinates into the ConfigMap and Secret that knative/ reads. The values below are examples
# of a hospital's naming; every credential comes from TF_VAR_*:
#
#   export TF_VAR_db_password=… TF_VAR_redis_auth_token=… \
#          TF_VAR_audit_hmac_keys='{"k2026":"…"}' TF_VAR_audit_current_key_id=k2026 \
#          TF_VAR_image=123456789012.dkr.ecr.eu-central-1.amazonaws.com/cordon-gateway@sha256:…
#   terraform init -backend-config=aws.s3.tfbackend && terraform apply
#
# Then annotate the ServiceAccount with the role (output gateway_role_arn) and kubectl apply -k knative/.

module "cordon_aws" {
  source = "../../modules/cordon-aws"

  name      = "cordon-prod"
  namespace = "cordon"
  tags      = { "cost-centre" = "clinical-it" }

  eks_oidc_provider_arn = var.eks_oidc_provider_arn
  eks_oidc_provider_url = var.eks_oidc_provider_url
  kms_admin_arns        = var.kms_admin_arns

  audit_bucket_name      = "example-hospital-cordon-audit"
  access_log_bucket_name = "example-hospital-cordon-audit-access-logs"
  audit_retention_days   = 2190

  subnet_ids               = var.private_subnet_ids
  db_security_group_ids    = var.db_security_group_ids
  redis_security_group_ids = var.redis_security_group_ids

  db_password              = var.db_password
  db_backup_retention_days = 35

  redis_flavor     = "memorydb"
  redis_replicas   = 1
  redis_auth_token = var.redis_auth_token
}

module "cordon" {
  source = "../../modules/cordon"

  cloud     = "aws"
  namespace = "cordon"
  image     = var.image

  database_host     = module.cordon_aws.CORDON_DB_HOST
  database_port     = module.cordon_aws.CORDON_DB_PORT
  database_name     = module.cordon_aws.CORDON_DB_NAME
  database_user     = module.cordon_aws.CORDON_DB_USER
  database_password = var.db_password
  redis_url         = module.cordon_aws.CORDON_REDIS_URL
  redis_client_type = module.cordon_aws.QUARKUS_REDIS_CLIENT_TYPE

  # No S3 keys: the gateway assumes its role through IRSA.
  s3_endpoint      = module.cordon_aws.CORDON_S3_ENDPOINT
  s3_region        = module.cordon_aws.CORDON_S3_REGION
  s3_bucket        = module.cordon_aws.audit_bucket_ready
  audit_prefix     = module.cordon_aws.CORDON_AUDIT_PREFIX
  audit_kms_key_id = module.cordon_aws.CORDON_AUDIT_KMS_KEY_ID

  audit_retention_days = module.cordon_aws.CORDON_AUDIT_RETENTION_DAYS
  audit_hmac_keys      = var.audit_hmac_keys
  audit_current_key_id = var.audit_current_key_id

  # Bedrock or Azure OpenAI under a BAA would be added here the same way; a self-hosted vLLM
  # inside the VPC needs none.
  model_providers = {
    vllm = {
      kind     = "openai"
      base_url = "http://vllm.cordon-models.svc.cluster.local:8000/v1"
      baa      = "self-hosted"
      timeout  = "120s"
    }
  }
  models = {
    llama3 = {
      provider       = "vllm"
      upstream_model = "meta-llama/Meta-Llama-3-70B-Instruct"
    }
  }
}
