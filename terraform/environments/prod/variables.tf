variable "kubeconfig" {
  type    = string
  default = "~/.kube/config"
}

variable "kube_context" {
  type    = string
  default = "prod"
}

variable "image" {
  description = "registry/cordon-gateway@sha256:... from the release pipeline."
  type        = string
}

variable "s3_endpoint" {
  type    = string
  default = "https://s3.prod.example.internal"
}

variable "s3_region" {
  type    = string
  default = "us-east-1"
}

variable "kms_key_id" {
  type    = string
  default = null
}

variable "database_password" {
  type      = string
  sensitive = true
}

variable "redis_url" {
  type      = string
  sensitive = true
}

variable "s3_access_key" {
  type      = string
  sensitive = true
}

variable "s3_secret_key" {
  type      = string
  sensitive = true
}

variable "audit_hmac_keys" {
  description = "All signing keys still needed to verify the trail, by id; rotate by adding one."
  type        = map(string)
  sensitive   = true
}

variable "audit_current_key_id" {
  type = string
}

variable "azure_openai_api_key" {
  type      = string
  sensitive = true
}
