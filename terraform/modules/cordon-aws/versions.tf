# Same pins as modules/cordon: a provider upgrade that changes the plan of the audit bucket, its
# key or the database must arrive as a reviewed commit, never as a surprise on the next init.
terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90.0"
    }
  }
}
