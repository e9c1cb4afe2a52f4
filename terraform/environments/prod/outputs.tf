output "cordon" {
  value = module.cordon
}
