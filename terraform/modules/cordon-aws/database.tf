# PostgreSQL for tenants, keys and usage. Everything that makes it a PHI-grade store is fixed here
# rather than left to variables: encryption, TLS-only connections, no public address, backups,
# deletion protection and a final snapshot.

resource "aws_db_subnet_group" "cordon" {
  name       = "${var.name}-db"
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

# rds.force_ssl: a client that forgets sslmode=require is refused instead of silently sending
# credentials and PHI in clear over the VPC.
resource "aws_db_parameter_group" "cordon" {
  # name_prefix: a changed parameter group is created beside the old one before the instance moves.
  name_prefix = "${var.name}-postgres15-"
  family      = "postgres15"
  tags        = var.tags

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  parameter {
    name  = "log_connections"
    value = "1"
  }

  parameter {
    name  = "log_disconnections"
    value = "1"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "cordon" {
  identifier     = "${var.name}-postgres"
  engine         = "postgres"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class

  allocated_storage     = var.db_allocated_storage
  max_allocated_storage = var.db_max_allocated_storage
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.data.arn

  db_name  = var.db_name
  username = var.db_username
  password = var.db_password
  port     = 5432

  iam_database_authentication_enabled = var.db_iam_authentication

  db_subnet_group_name   = aws_db_subnet_group.cordon.name
  vpc_security_group_ids = var.db_security_group_ids
  parameter_group_name   = aws_db_parameter_group.cordon.name
  publicly_accessible    = false
  multi_az               = var.db_multi_az
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  backup_retention_period   = var.db_backup_retention_days
  copy_tags_to_snapshot     = true
  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-postgres-final"

  # Minor versions carry security fixes; major upgrades stay a reviewed change of db_engine_version.
  auto_minor_version_upgrade  = true
  allow_major_version_upgrade = false
  apply_immediately           = false

  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.data.arn
  enabled_cloudwatch_logs_exports = ["postgresql"]

  tags = var.tags
}
