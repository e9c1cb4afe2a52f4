# Two customer-managed keys, not one: the gateway may use the audit key (through S3 only) and
# nothing else, while the data key serves PostgreSQL and Redis, which decrypt on the gateway's
# behalf without it ever holding a KMS permission. Losing one key's policy to a mistake then
# exposes one store, not all of them.

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
  partition  = data.aws_partition.current.partition
  account    = "arn:${local.partition}:iam::${local.account_id}:root"

  # Spelled out instead of kms:* so that whoever administers the keys cannot also decrypt with them.
  kms_admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:DeleteAlias",
    "kms:DescribeKey",
    "kms:DisableKey",
    "kms:DisableKeyRotation",
    "kms:EnableKey",
    "kms:EnableKeyRotation",
    "kms:GetKeyPolicy",
    "kms:GetKeyRotationStatus",
    "kms:ListAliases",
    "kms:ListGrants",
    "kms:ListKeyPolicies",
    "kms:ListResourceTags",
    "kms:PutKeyPolicy",
    "kms:RevokeGrant",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:UpdateAlias",
    "kms:UpdateKeyDescription",
  ]
}

data "aws_iam_policy_document" "audit_key" {
  statement {
    sid       = "KeyAdministration"
    actions   = local.kms_admin_actions
    resources = ["*"] # in a key policy "*" means this key
    principals {
      type        = "AWS"
      identifiers = var.kms_admin_arns
    }
  }

  # Only through S3: the gateway cannot call KMS directly to decrypt something it copied elsewhere.
  statement {
    sid       = "GatewayThroughS3"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [aws_iam_role.gateway.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["s3.${local.region}.amazonaws.com"]
    }
  }

  # Auditors and the chain verifier read segments; they never write, so Decrypt is all they get.
  dynamic "statement" {
    for_each = length(var.audit_reader_arns) > 0 ? [1] : []
    content {
      sid       = "AuditReadersThroughS3"
      actions   = ["kms:Decrypt", "kms:DescribeKey"]
      resources = ["*"]
      principals {
        type        = "AWS"
        identifiers = var.audit_reader_arns
      }
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${local.region}.amazonaws.com"]
      }
    }
  }
}

resource "aws_kms_key" "audit" {
  description             = "${var.name}: SSE-KMS of the audit trail bucket"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = data.aws_iam_policy_document.audit_key.json
  tags                    = var.tags

  # Every locked segment is encrypted under this key for six years; deleting the key would make
  # the trail unreadable while the lock still forbids replacing it.
  lifecycle {
    prevent_destroy = true
  }
}

resource "aws_kms_alias" "audit" {
  name          = "alias/${var.name}-audit"
  target_key_id = aws_kms_key.audit.key_id
}

data "aws_iam_policy_document" "data_key" {
  statement {
    sid       = "KeyAdministration"
    actions   = local.kms_admin_actions
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = var.kms_admin_arns
    }
  }

  # RDS, ElastiCache and MemoryDB create grants on this key for the principal that creates or
  # restores the store; the ViaService condition keeps those permissions useless outside them.
  statement {
    sid = "AccountThroughDataServices"
    actions = [
      "kms:CreateGrant",
      "kms:Decrypt",
      "kms:DescribeKey",
      "kms:Encrypt",
      "kms:GenerateDataKey",
      "kms:GenerateDataKeyWithoutPlaintext",
      "kms:ReEncryptFrom",
      "kms:ReEncryptTo",
    ]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = [local.account]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values = [
        "rds.${local.region}.amazonaws.com",
        "elasticache.${local.region}.amazonaws.com",
        "memorydb.${local.region}.amazonaws.com",
      ]
    }
  }
}

resource "aws_kms_key" "data" {
  description             = "${var.name}: PostgreSQL and Redis at rest"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = var.kms_deletion_window_days
  policy                  = data.aws_iam_policy_document.data_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "data" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.data.key_id
}
