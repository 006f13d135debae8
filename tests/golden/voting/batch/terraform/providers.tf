provider "aws" {
  region = "eu-central-1"

  # Every taggable resource carries these tags.
  default_tags {
    tags = {
      app           = "voting"
      environment   = var.environment
      managed-by    = "infragen"
      "cost-center" = "1234"
      "team"        = "platform"
    }
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}
