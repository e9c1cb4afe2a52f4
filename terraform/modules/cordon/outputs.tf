output "config_map_name" {
  description = "ConfigMap the manifests read with envFrom."
  value       = kubernetes_config_map.cordon.metadata[0].name
}

output "secret_name" {
  description = "Secret the manifests read with envFrom."
  value       = kubernetes_secret.cordon.metadata[0].name
}

output "namespace" {
  value = var.namespace
}

output "image" {
  description = "For the pipeline: kustomize edit set image cordon-gateway=<this>."
  value       = var.image
}

output "audit_bucket" {
  value = var.s3_bucket
}

# Names only, never values: lets a reviewer see which variables the gateway will receive.
output "config_keys" {
  value = sort(keys(local.config))
}

output "model_aliases" {
  value = sort(keys(var.models))
}
