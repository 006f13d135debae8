# Caches in the private subnets: ElastiCache replication groups, encrypted at rest and in transit;
# more than one node gives a replica in another zone with automatic failover.

resource "aws_elasticache_subnet_group" "redis" {
  name       = local.names.cache_redis_subnet_group
  subnet_ids = local.private_subnet_ids
}

resource "aws_elasticache_replication_group" "redis" {
  replication_group_id       = local.names.cache_redis_replication_group
  description                = "Cache redis of voting"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.caches["redis"].node_type
  num_cache_clusters         = var.caches["redis"].nodes
  port                       = 6379
  subnet_group_name          = aws_elasticache_subnet_group.redis.name
  security_group_ids         = [aws_security_group.cache_redis.id]
  automatic_failover_enabled = var.caches["redis"].nodes > 1
  multi_az_enabled           = var.caches["redis"].nodes > 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  # TLS is offered to every client; "preferred" still accepts clients without TLS so that apps
  # written for plain Redis keep working. Switch to "required" once every client uses TLS.
  transit_encryption_mode    = "preferred"
  auto_minor_version_upgrade = true
}
