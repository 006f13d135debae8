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

resource "aws_security_group" "service_api" {
  name        = local.names.service_api_security_group
  description = "Service api"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.service_api_security_group
  }
}

resource "aws_security_group" "job_aggregate" {
  name        = local.names.job_aggregate_security_group
  description = "Job aggregate"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.job_aggregate_security_group
  }
}

resource "aws_security_group" "job_ingest" {
  name        = local.names.job_ingest_security_group
  description = "Job ingest"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.job_ingest_security_group
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

resource "aws_vpc_security_group_ingress_rule" "service_api_from_load_balancer" {
  security_group_id            = aws_security_group.service_api.id
  description                  = "Load balancer to service api"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.load_balancer.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_service_api" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "api to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.service_api.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_job_aggregate" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "aggregate to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.job_aggregate.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_job_ingest" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "ingest to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.job_ingest.id
}

resource "aws_vpc_security_group_egress_rule" "load_balancer_to_load_balanced_services_80" {
  security_group_id            = aws_security_group.load_balancer.id
  description                  = "Load balancer to its services on port 80"
  ip_protocol                  = "tcp"
  from_port                    = 80
  to_port                      = 80
  referenced_security_group_id = aws_security_group.load_balanced_services.id
}

resource "aws_vpc_security_group_egress_rule" "service_api_to_internet_443" {
  security_group_id = aws_security_group.service_api.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "job_aggregate_to_internet_443" {
  security_group_id = aws_security_group.job_aggregate.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "job_ingest_to_internet_443" {
  security_group_id = aws_security_group.job_ingest.id
  description       = "HTTPS to the internet: image pulls and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "service_api_to_database_db" {
  security_group_id            = aws_security_group.service_api.id
  description                  = "api to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}

resource "aws_vpc_security_group_egress_rule" "job_aggregate_to_database_db" {
  security_group_id            = aws_security_group.job_aggregate.id
  description                  = "aggregate to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}

resource "aws_vpc_security_group_egress_rule" "job_ingest_to_database_db" {
  security_group_id            = aws_security_group.job_ingest.id
  description                  = "ingest to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.database_db.id
}
