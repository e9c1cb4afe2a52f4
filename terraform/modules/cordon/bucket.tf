# The audit bucket. Object Lock can only be switched on when a bucket is created, so a bucket made
# without it can never hold the trail; the gateway checks this again at start.
# This is the on-prem path: most private-cloud stores (Ceph RGW, MinIO) speak this API, so the AWS
# provider is used against their endpoint (see the provider block in environments/* and
# examples/onprem). On AWS the bucket, its KMS key, policy and access logging come from
# modules/cordon-aws instead; create_bucket is refused there so only one module owns the bucket.

resource "aws_s3_bucket" "audit" {
  count               = var.create_bucket ? 1 : 0
  bucket              = var.s3_bucket
  object_lock_enabled = true

  # Locked objects cannot be deleted anyway; this stops a plan from even trying.
  lifecycle {
    prevent_destroy = true
  }
}

# Object Lock requires versioning; stating it keeps a drift (someone suspending it) visible in plans.
resource "aws_s3_bucket_versioning" "audit" {
  count  = var.create_bucket ? 1 : 0
  bucket = aws_s3_bucket.audit[0].id
  versioning_configuration {
    status = "Enabled"
  }
}

# COMPLIANCE, not GOVERNANCE: no account, not even the storage admin's through the S3 API, can
# shorten or remove the lock. The gateway also sets retention per object; this default covers any
# object written without it.
resource "aws_s3_bucket_object_lock_configuration" "audit" {
  count  = var.create_bucket ? 1 : 0
  bucket = aws_s3_bucket.audit[0].id
  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = var.audit_retention_days
    }
  }
  depends_on = [aws_s3_bucket_versioning.audit]
}

resource "aws_s3_bucket_server_side_encryption_configuration" "audit" {
  count  = var.create_bucket && var.bucket_sse ? 1 : 0
  bucket = aws_s3_bucket.audit[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.kms_key_id == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.kms_key_id
    }
  }
}

# Audit segments contain request metadata of patients' care; nothing about them is public.
resource "aws_s3_bucket_public_access_block" "audit" {
  count                   = var.create_bucket ? 1 : 0
  bucket                  = aws_s3_bucket.audit[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
