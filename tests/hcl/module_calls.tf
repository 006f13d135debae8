module "vpc" {
  source = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
  name = local.name
  cidr = "10.0.0.0/16"
  azs = local.azs
  private_subnets = [for k, v in local.azs : cidrsubnet("10.0.0.0/16", 4, k)]
  enable_nat_gateway = true
  providers = {
    aws = aws.us_east_1
  }
  depends_on = [aws_iam_role.x]
}
