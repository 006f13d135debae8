provider "aws" {
  region = "us-east-1"

  # Every taggable resource carries these tags.
  default_tags {
    tags = {
      app         = "ingest"
      environment = var.environment
      managed-by  = "infragen"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
