terraform {
  required_version = ">= 1.9.0, < 2.0.0"

  # State holds the database password and the Redis token: keep it in an encrypted,
  # access-controlled backend (terraform init -backend-config=...).
  backend "s3" {}

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90.0"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.36.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      "app"                 = "cordon"
      "data-classification" = "phi"
      "managed-by"          = "terraform"
    }
  }
}

provider "kubernetes" {
  config_path    = var.kubeconfig
  config_context = var.kube_context
}
