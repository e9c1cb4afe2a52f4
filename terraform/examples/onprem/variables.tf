variable "kubeconfig" {
  type    = string
  default = "~/.kube/config"
}

variable "kube_context" {
  type    = string
  default = "cordon"
}

variable "image" {
  type = string
}

variable "s3_endpoint" {
  description = "HTTPS endpoint of the on-prem S3 store."
  type        = string
  default     = "https://s3.example.internal"
}

variable "s3_region" {
  description = "Whatever region name the store expects (Ceph: the zonegroup, often us-east-1)."
  type        = string
  default     = "us-east-1"
}

variable "s3_access_key" {
  type      = string
  sensitive = true
}

variable "s3_secret_key" {
  type      = string
  sensitive = true
}

variable "database_password" {
  type      = string
  sensitive = true
}

variable "redis_url" {
  type      = string
  sensitive = true
}

variable "audit_hmac_keys" {
  type      = map(string)
  sensitive = true
}

variable "audit_current_key_id" {
  type = string
}
