variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "kubeconfig" {
  type    = string
  default = "~/.kube/config"
}

variable "kube_context" {
  type    = string
  default = "cordon-prod"
}

variable "image" {
  description = "<account>.dkr.ecr.<region>.amazonaws.com/cordon-gateway@sha256:... from the release pipeline."
  type        = string
}

# Example values of the EKS cluster and network; replace with the platform team's.
variable "eks_oidc_provider_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

variable "eks_oidc_provider_url" {
  type    = string
  default = "https://oidc.eks.eu-central-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

variable "kms_admin_arns" {
  description = "Include the role this configuration is applied with."
  type        = list(string)
  default     = ["arn:aws:iam::123456789012:role/platform-terraform", "arn:aws:iam::123456789012:role/security-kms-admin"]
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002", "subnet-0a1b2c3d4e5f60003"]
}

variable "db_security_group_ids" {
  type    = list(string)
  default = ["sg-0a1b2c3d4e5f60010"]
}

variable "redis_security_group_ids" {
  type    = list(string)
  default = ["sg-0a1b2c3d4e5f60020"]
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "redis_auth_token" {
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
