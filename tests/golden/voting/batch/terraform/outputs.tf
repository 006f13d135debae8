output "url" {
  description = "Where the app answers."
  value       = "http://${aws_lb.public.dns_name}"
}

output "load_balancer_dns_name" {
  description = "DNS name of the public load balancer."
  value       = aws_lb.public.dns_name
}

output "cluster_name" {
  description = "ECS cluster of the services and jobs."
  value       = aws_ecs_cluster.main.name
}

output "service_names" {
  description = "ECS service of each manifest service (for `aws ecs update-service`, `execute-command`)."
  value = {
    "result" = local.names.service_result_service
    "vote"   = local.names.service_vote_service
    "worker" = local.names.service_worker_service
  }
}

output "database_endpoints" {
  description = "Writer endpoint (host:port) of each database."
  value = {
    "db" = aws_db_instance.db.endpoint
  }
}

output "database_password_secrets" {
  description = "Secrets Manager secret holding each database's master password (an ARN, not the password)."
  value = {
    "db" = aws_db_instance.db.master_user_secret[0].secret_arn
  }
}

output "cache_endpoints" {
  description = "Primary endpoint of each cache."
  value = {
    "redis" = aws_elasticache_replication_group.redis.primary_endpoint_address
  }
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms (null where alarms are off)."
  value       = one(aws_sns_topic.alarms[*].arn)
}
