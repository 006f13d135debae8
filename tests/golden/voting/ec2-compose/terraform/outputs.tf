output "url" {
  description = "Where the app answers."
  value       = "http://${aws_lb.public.dns_name}"
}

output "load_balancer_dns_name" {
  description = "DNS name of the public load balancer."
  value       = aws_lb.public.dns_name
}

output "auto_scaling_groups" {
  description = "Auto Scaling group of each instance group (its instances run the group's containers)."
  value = {
    "back"  = aws_autoscaling_group.instances_back.name
    "front" = aws_autoscaling_group.instances_front.name
  }
}

output "configuration_parameters" {
  description = "SSM parameter of each instance group's configuration (values and secret references, no secret values)."
  value = {
    "back"  = aws_ssm_parameter.instances_back_config.name
    "front" = aws_ssm_parameter.instances_front_config.name
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
