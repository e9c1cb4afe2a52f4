output "gateway_role_arn" {
  description = "kubectl -n cordon annotate serviceaccount cordon-gateway eks.amazonaws.com/role-arn=<this>"
  value       = module.cordon_aws.gateway_role_arn
}

output "config_keys" {
  value = module.cordon.config_keys
}

output "audit_bucket" {
  value = module.cordon_aws.CORDON_AUDIT_BUCKET
}
