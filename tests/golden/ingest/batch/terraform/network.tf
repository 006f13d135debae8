# The VPC: one public and one private subnet per availability zone. Public subnets hold the load
# balancer and the NAT gateways; private subnets hold tasks, databases and caches.

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  vpc_id             = aws_vpc.main.id
  public_subnet_ids  = aws_subnet.public[*].id
  private_subnet_ids = aws_subnet.private[*].id
  task_subnet_ids    = local.private_subnet_ids
}

resource "aws_vpc" "main" {
  cidr_block           = var.network.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = local.names.vpc
  }
}

# The default security group of the VPC admits nothing; every resource gets its own group.
resource "aws_default_security_group" "main" {
  vpc_id = local.vpc_id
}

resource "aws_internet_gateway" "main" {
  count  = length(var.network.public_subnet_cidrs) > 0 ? 1 : 0
  vpc_id = local.vpc_id

  tags = {
    Name = local.names.vpc
  }
}

resource "aws_subnet" "public" {
  count             = length(var.network.public_subnet_cidrs)
  vpc_id            = local.vpc_id
  cidr_block        = var.network.public_subnet_cidrs[count.index]
  availability_zone = data.aws_availability_zones.available.names[count.index]

  tags = {
    Name = "${local.names.vpc}-public-${data.aws_availability_zones.available.names[count.index]}"
    tier = "public"
  }
}

resource "aws_subnet" "private" {
  count             = length(var.network.private_subnet_cidrs)
  vpc_id            = local.vpc_id
  cidr_block        = var.network.private_subnet_cidrs[count.index]
  availability_zone = data.aws_availability_zones.available.names[count.index]

  tags = {
    Name = "${local.names.vpc}-private-${data.aws_availability_zones.available.names[count.index]}"
    tier = "private"
  }
}

resource "aws_route_table" "public" {
  count  = length(aws_internet_gateway.main)
  vpc_id = local.vpc_id

  tags = {
    Name = "${local.names.vpc}-public"
  }
}

resource "aws_route" "public_internet" {
  count                  = length(aws_route_table.public)
  route_table_id         = aws_route_table.public[0].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.main[0].id
}

resource "aws_route_table_association" "public" {
  count          = length(aws_subnet.public)
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public[0].id
}

resource "aws_route_table" "private" {
  count  = length(aws_subnet.private)
  vpc_id = local.vpc_id

  tags = {
    Name = "${local.names.vpc}-private-${data.aws_availability_zones.available.names[count.index]}"
  }
}

resource "aws_route_table_association" "private" {
  count          = length(aws_subnet.private)
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

# NAT gateways: one for all zones (cheaper) or one per zone (outbound traffic survives the loss
# of a zone), per network.nat_gateways.
resource "aws_eip" "nat" {
  count  = var.network.nat_gateways
  domain = "vpc"

  tags = {
    Name = "${local.names.vpc}-nat-${count.index + 1}"
  }
}

resource "aws_nat_gateway" "main" {
  count         = var.network.nat_gateways
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id

  tags = {
    Name = "${local.names.vpc}-${count.index + 1}"
  }

  depends_on = [aws_internet_gateway.main]
}

resource "aws_route" "private_nat" {
  count                  = var.network.nat_gateways > 0 ? length(aws_route_table.private) : 0
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.main[count.index % var.network.nat_gateways].id
}
