# The gateway's AWS identity, through IRSA: EKS exchanges the pod's projected service-account token
# for this role, so no long-lived access key exists to leak from a Secret.

locals {
  # Must match metadata.name in knative/serviceaccount.yaml.
  service_account = "cordon-gateway"
  oidc_issuer     = trimprefix(var.eks_oidc_provider_url, "https://")
}

data "aws_iam_policy_document" "gateway_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.eks_oidc_provider_arn]
    }
    # Both claims: sub pins the one service account, aud stops tokens minted for another audience.
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${local.service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "gateway" {
  name                 = "${var.name}-gateway"
  description          = "Cordon gateway (IRSA, ${var.namespace}/${local.service_account})"
  assume_role_policy   = data.aws_iam_policy_document.gateway_trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

# Exactly what S3SegmentStore calls: write segments and anchors with a retention date, read them
# back for verification, list its own prefix, and check the bucket's lock at start. No delete,
# no bucket configuration, no other prefix, no other key.
data "aws_iam_policy_document" "gateway" {
  statement {
    sid = "AuditObjects"
    actions = [
      "s3:GetObject",
      "s3:GetObjectRetention",
      "s3:GetObjectVersion",
      "s3:PutObject",
      "s3:PutObjectRetention",
    ]
    resources = [local.audit_objects_arn]
  }

  statement {
    sid       = "ListAuditPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.audit.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.audit_prefix}*"]
    }
  }

  statement {
    sid       = "CheckObjectLock"
    actions   = ["s3:GetBucketObjectLockConfiguration"]
    resources = [aws_s3_bucket.audit.arn]
  }

  statement {
    sid       = "AuditKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
    resources = [aws_kms_key.audit.arn]
  }
}

resource "aws_iam_role_policy" "gateway" {
  name   = "${var.name}-gateway-audit"
  role   = aws_iam_role.gateway.id
  policy = data.aws_iam_policy_document.gateway.json
}
