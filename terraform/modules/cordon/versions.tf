# Minor-version pins: a provider upgrade that changes a plan for the audit bucket must be a
# reviewed commit, never a surprise on the next init. 1.9 is the first Terraform whose variable
# validations may refer to other variables (retention vs. allow_short_retention).
terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.36.0"
    }
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90.0"
    }
  }
}
