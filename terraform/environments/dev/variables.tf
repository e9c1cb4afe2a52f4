variable "kubeconfig" {
  type    = string
  default = "~/.kube/config"
}

variable "kube_context" {
  type    = string
  default = "dev"
}

variable "s3_endpoint" {
  type    = string
  default = "http://rgw.dev.example.internal:7480"
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
  description = "e.g. TF_VAR_audit_hmac_keys='{\"dev1\":\"<48 random characters>\"}'"
  type        = map(string)
  sensitive   = true
}

variable "bootstrap_admin_key" {
  type      = string
  default   = ""
  sensitive = true
}
