provider "aws" {
  region = var.region
  default_tags {
    tags = local.common_tags
  }
  assume_role {
  role_arn = var.role_arn
  }
}
provider "aws" {
  alias = "us_east_1"
  region = "us-east-1"
}
