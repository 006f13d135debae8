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

resource "aws_security_group" "service_result" {
  name        = local.names.service_result_security_group
  description = "Service result"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.service_result_security_group
  }
}

resource "aws_security_group" "service_vote" {
  name        = local.names.service_vote_security_group
  description = "Service vote"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.service_vote_security_group
  }
}

resource "aws_security_group" "service_worker" {
  name        = local.names.service_worker_security_group
  description = "Service worker"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.service_worker_security_group
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

resource "aws_security_group" "load_balanced_services" {
  name        = local.names.load_balanced_services_security_group
  description = "Tasks of the services behind the public load balancer"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.load_balanced_services_security_group
  }
}

resource "aws_vpc_security_group_ingress_rule" "load_balancer_from_internet_80" {
  security_group_id = aws_security_group.load_balancer.id
  description       = "HTTP from the internet"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "service_result_from_load_balancer" {
  security_group_id            = aws_security_group.service_result.id
  description                  = "Load balancer to service result"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.load_balancer.id
}

resource "aws_vpc_security_group_ingress_rule" "service_vote_from_load_balancer" {
  security_group_id            = aws_security_group.service_vote.id
  description                  = "Load balancer to service vote"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.load_balancer.id
}

resource "aws_vpc_security_group_ingress_rule" "cache_redis_from_service_vote" {
  security_group_id            = aws_security_group.cache_redis.id
  description                  = "vote to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.service_vote.id
}

resource "aws_vpc_security_group_ingress_rule" "cache_redis_from_service_worker" {
  security_group_id            = aws_security_group.cache_redis.id
  description                  = "worker to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.service_worker.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_service_result" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "result to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.service_result.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_service_worker" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "worker to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.service_worker.id
}

resource "aws_vpc_security_group_egress_rule" "load_balancer_to_load_balanced_services_80" {
  security_group_id            = aws_security_group.load_balancer.id
  description                  = "Load balancer to its services on port 80"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.load_balanced_services.id
}

resource "aws_vpc_security_group_egress_rule" "service_result_to_internet_443" {
  security_group_id = aws_security_group.service_result.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "service_vote_to_internet_443" {
  security_group_id = aws_security_group.service_vote.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "service_worker_to_internet_443" {
  security_group_id = aws_security_group.service_worker.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "service_vote_to_cache_redis" {
  security_group_id            = aws_security_group.service_vote.id
  description                  = "vote to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.cache_redis.id
}

resource "aws_vpc_security_group_egress_rule" "service_worker_to_cache_redis" {
  security_group_id            = aws_security_group.service_worker.id
  description                  = "worker to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.cache_redis.id
}

resource "aws_vpc_security_group_egress_rule" "service_result_to_database_db" {
  security_group_id            = aws_security_group.service_result.id
  description                  = "result to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}

resource "aws_vpc_security_group_egress_rule" "service_worker_to_database_db" {
  security_group_id            = aws_security_group.service_worker.id
  description                  = "worker to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}
