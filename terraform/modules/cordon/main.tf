# The gateway reads all of its configuration from environment variables, so this module's job is
# to write two objects whose keys are exactly those variable names: a ConfigMap for what may be
# read in a review, a Secret for everything that is a credential. knative/ pulls both in with
# envFrom, so adding a provider here needs no change to the manifests.

locals {
  # Env var form of an id: upper case, anything else than a letter or digit becomes "_".
  ids      = concat(nonsensitive(keys(var.model_providers)), keys(var.models), nonsensitive(keys(var.audit_hmac_keys)))
  env_name = zipmap(local.ids, [for id in local.ids : upper(replace(id, "/[^0-9A-Za-z]/", "_"))])

  # `model_providers` is sensitive as a whole because of api_key; these four fields are not secrets and
  # are unmasked one by one so the ConfigMap stays readable in plans.
  provider_config = merge([for id in nonsensitive(keys(var.model_providers)) : {
    "CORDON_PROVIDERS_${local.env_name[id]}_KIND"     = nonsensitive(var.model_providers[id].kind)
    "CORDON_PROVIDERS_${local.env_name[id]}_BASE_URL" = nonsensitive(var.model_providers[id].base_url)
    "CORDON_PROVIDERS_${local.env_name[id]}_BAA"      = nonsensitive(var.model_providers[id].baa)
    "CORDON_PROVIDERS_${local.env_name[id]}_TIMEOUT"  = nonsensitive(var.model_providers[id].timeout)
  }]...)

  model_config = merge([for alias, m in var.models : {
    "CORDON_MODELS_${local.env_name[alias]}_PROVIDER"       = m.provider
    "CORDON_MODELS_${local.env_name[alias]}_UPSTREAM_MODEL" = m.upstream_model
    "CORDON_MODELS_${local.env_name[alias]}_TYPE"           = m.type
  }]...)

  # Ceph 16 cannot verify the SDK's newer checksums; the AWS SDK reads these two variables itself.
  checksum_config = var.s3_legacy_checksums ? {
    AWS_REQUEST_CHECKSUM_CALCULATION = "when_required"
    AWS_RESPONSE_CHECKSUM_VALIDATION = "when_required"
  } : {}

  # Only set when given, so the gateway's own default (the bucket's encryption) applies otherwise.
  kms_config = var.audit_kms_key_id == null ? {} : { CORDON_AUDIT_KMS_KEY_ID = var.audit_kms_key_id }

  # A cluster (MemoryDB) refuses a script over keys in different hash slots (CROSSSLOT), and the
  # audit shipper commits lease, head and spool stream in one EVAL. The hash tag puts every Cordon
  # key into one slot; one shard holds them all anyway.
  redis_config = var.redis_client_type == "cluster" ? { CORDON_TENANCY_REDIS_KEY_PREFIX = "{cordon}:" } : {}

  config = merge({
    CORDON_DB_HOST                     = var.database_host
    CORDON_DB_PORT                     = tostring(var.database_port)
    CORDON_DB_NAME                     = var.database_name
    CORDON_DB_USER                     = var.database_user
    CORDON_S3_ENDPOINT                 = var.s3_endpoint
    CORDON_S3_REGION                   = var.s3_region
    CORDON_AUDIT_BUCKET                = var.s3_bucket
    CORDON_AUDIT_PREFIX                = var.audit_prefix
    QUARKUS_REDIS_CLIENT_TYPE          = var.redis_client_type
    CORDON_AUDIT_RETENTION_DAYS        = tostring(var.audit_retention_days)
    CORDON_AUDIT_ALLOW_SHORT_RETENTION = tostring(var.allow_short_retention)
    CORDON_AUDIT_CURRENT_KEY_ID        = var.audit_current_key_id
  }, local.kms_config, local.redis_config, local.checksum_config, local.provider_config, local.model_config)

  # Only the api_key of each provider is secret; providers without one (self-hosted vLLM) get no key.
  provider_secrets = merge([for id, p in var.model_providers :
    p.api_key == null ? {} : { "CORDON_PROVIDERS_${local.env_name[id]}_API_KEY" = p.api_key }
  ]...)

  hmac_secrets = merge([for id, key in var.audit_hmac_keys :
    { "CORDON_AUDIT_HMAC_KEYS_${local.env_name[id]}" = key }
  ]...)

  admin_secret = var.bootstrap_admin_key == "" ? {} : { CORDON_BOOTSTRAP_ADMIN_KEY = var.bootstrap_admin_key }

  secrets = merge({
    CORDON_DB_PASSWORD   = var.database_password
    CORDON_REDIS_URL     = var.redis_url
    CORDON_S3_ACCESS_KEY = var.s3_access_key
    CORDON_S3_SECRET_KEY = var.s3_secret_key
  }, local.hmac_secrets, local.provider_secrets, local.admin_secret)

  labels = {
    "app.kubernetes.io/name"       = "cordon-gateway"
    "app.kubernetes.io/part-of"    = "cordon"
    "app.kubernetes.io/managed-by" = "terraform"
  }
}

resource "kubernetes_config_map" "cordon" {
  metadata {
    name      = "cordon-config"
    namespace = var.namespace
    labels    = local.labels
  }
  data = local.config
}

resource "kubernetes_secret" "cordon" {
  metadata {
    name      = "cordon-secrets"
    namespace = var.namespace
    labels    = local.labels
  }
  type = "Opaque"
  data = local.secrets
}
