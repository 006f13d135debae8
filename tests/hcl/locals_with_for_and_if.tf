locals {
  public_subnets = {
    for idx, cidr in var.public_cidrs : "public-${idx}" => {
      cidr = cidr
      az = element(var.azs, idx)
    } if cidr != ""
  }
}
