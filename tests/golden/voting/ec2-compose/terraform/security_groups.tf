# Security groups with least privilege: only the public load balancer admits traffic from the
# internet (HTTP, and HTTPS with a domain); everything else admits only the groups that use it.

resource "aws_security_group" "load_balancer" {
  name        = local.names.load_balancer_security_group
  description = "Public load balancer: HTTP(S) from the internet"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.load_balancer_security_group
  }
}

resource "aws_security_group" "instances_back" {
  name        = local.names.instances_back_security_group
  description = "Instances of group back"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.instances_back_security_group
  }
}

resource "aws_security_group" "instances_front" {
  name        = local.names.instances_front_security_group
  description = "Instances of group front"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.instances_front_security_group
  }
}

resource "aws_security_group" "database_db" {
  name        = local.names.database_db_security_group
  description = "Database db"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.database_db_security_group
  }
}

resource "aws_security_group" "cache_redis" {
  name        = local.names.cache_redis_security_group
  description = "Cache redis"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.cache_redis_security_group
  }
}

resource "aws_vpc_security_group_ingress_rule" "cache_redis_from_instances_back_6379" {
  security_group_id            = aws_security_group.cache_redis.id
  description                  = "Instances to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.instances_back.id
}

resource "aws_vpc_security_group_ingress_rule" "cache_redis_from_instances_front_6379" {
  security_group_id            = aws_security_group.cache_redis.id
  description                  = "Instances to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.instances_front.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_instances_back_5432" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "Instances to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.instances_back.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_instances_front_5432" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "Instances to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.instances_front.id
}

resource "aws_vpc_security_group_ingress_rule" "instances_front_from_load_balancer_8000" {
  security_group_id            = aws_security_group.instances_front.id
  description                  = "Load balancer to the public services"
  ip_protocol                  = "tcp"
  from_port                    = 8000
  to_port                      = 8001
  referenced_security_group_id = aws_security_group.load_balancer.id
}

resource "aws_vpc_security_group_ingress_rule" "load_balancer_from_internet_80" {
  security_group_id = aws_security_group.load_balancer.id
  description       = "HTTP from the internet"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "instances_back_to_internet_443" {
  security_group_id = aws_security_group.instances_back.id
  description       = "HTTPS to the internet: packages, image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "instances_back_to_cache_redis_6379" {
  security_group_id            = aws_security_group.instances_back.id
  description                  = "Instances to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.cache_redis.id
}

resource "aws_vpc_security_group_egress_rule" "instances_back_to_database_db_5432" {
  security_group_id            = aws_security_group.instances_back.id
  description                  = "Instances to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}

resource "aws_vpc_security_group_egress_rule" "instances_front_to_internet_443" {
  security_group_id = aws_security_group.instances_front.id
  description       = "HTTPS to the internet: packages, image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "instances_front_to_cache_redis_6379" {
  security_group_id            = aws_security_group.instances_front.id
  description                  = "Instances to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.cache_redis.id
}

resource "aws_vpc_security_group_egress_rule" "instances_front_to_database_db_5432" {
  security_group_id            = aws_security_group.instances_front.id
  description                  = "Instances to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}

resource "aws_vpc_security_group_egress_rule" "load_balancer_to_instances_front_8000" {
  security_group_id            = aws_security_group.load_balancer.id
  description                  = "Load balancer to the public services"
  ip_protocol                  = "tcp"
  from_port                    = 8000
  to_port                      = 8001
  referenced_security_group_id = aws_security_group.instances_front.id
}
