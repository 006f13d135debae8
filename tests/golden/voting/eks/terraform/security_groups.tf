# Security groups with least privilege: each data store admits only the pods' group, which every
# node carries besides the cluster's (nodes.tf); nothing is open to the internet (the AWS Load
# Balancer Controller makes the load balancer's group).

resource "aws_security_group" "pods" {
  name        = local.names.pods_security_group
  description = "Pods of the app (every node carries it)"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.pods_security_group
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

resource "aws_vpc_security_group_ingress_rule" "cache_redis_from_pods" {
  security_group_id            = aws_security_group.cache_redis.id
  description                  = "Pods to cache redis"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = aws_security_group.pods.id
}

resource "aws_vpc_security_group_ingress_rule" "database_db_from_pods" {
  security_group_id            = aws_security_group.database_db.id
  description                  = "Pods to database db"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.pods.id
}
