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
    "api" = local.names.service_api_service
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

output "bucket_names" {
  description = "Name of each bucket."
  value = {
    "imports" = aws_s3_bucket.imports.bucket
  }
}

output "secret_arns" {
  description = "Secrets whose values you put after the first apply."
  value = {
    "provider-token" = aws_secretsmanager_secret.provider_token.arn
  }
}

output "alarm_topic_arn" {
  description = "SNS topic of the alarms (null where alarms are off)."
  value       = one(aws_sns_topic.alarms[*].arn)
}

output "job_queues" {
  description = "AWS Batch job queue and job definition of each job, to submit a run by hand: aws batch submit-job --job-name NAME --job-queue QUEUE --job-definition DEFINITION."
  value = {
    "aggregate" = {
      queue      = aws_batch_job_queue.job_aggregate.name
      definition = aws_batch_job_definition.job_aggregate.arn
    }
    "ingest" = {
      queue      = aws_batch_job_queue.job_ingest.name
      definition = aws_batch_job_definition.job_ingest.arn
    }
  }
}
