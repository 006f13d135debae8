output "cluster_name" {
  description = "EKS cluster of the app: aws eks update-kubeconfig --name <this> --region eu-central-1"
  value       = aws_eks_cluster.main.name
}

output "cluster_endpoint" {
  description = "The cluster's Kubernetes API."
  value       = aws_eks_cluster.main.endpoint
}

output "namespace" {
  description = "Namespace to install the Helm chart into (helm upgrade --install --namespace <this>)."
  value       = local.namespace
}

output "vpc_id" {
  description = "VPC of the cluster (the AWS Load Balancer Controller's vpcId)."
  value       = local.vpc_id
}

# What the chart needs that exists only after apply: helm upgrade --install ... -f <(terraform
# output -raw helm_values). No secret value is in it: secrets are ARNs the pods read themselves.
output "helm_values" {
  description = "Values file of the Helm chart (helm/voting): images, data store addresses and secret ARNs of this environment."
  value = yamlencode({
    env = {
      "result" = {
        "PG_DATABASE" = aws_db_instance.db.db_name
        "PG_HOST"     = aws_db_instance.db.address
        "PG_PORT"     = tostring(aws_db_instance.db.port)
        "PG_USER"     = aws_db_instance.db.username
      }
      "vote" = {
        "REDIS_HOST" = aws_elasticache_replication_group.redis.primary_endpoint_address
      }
      "worker" = {
        "PG_DATABASE" = aws_db_instance.db.db_name
        "PG_HOST"     = aws_db_instance.db.address
        "PG_USER"     = aws_db_instance.db.username
        "REDIS_HOST"  = aws_elasticache_replication_group.redis.primary_endpoint_address
      }
    }
    secrets = {
      "result" = {
        "PG_PASSWORD" = { arn = aws_db_instance.db.master_user_secret[0].secret_arn, key = "password" }
      }
      "worker" = {
        "PG_PASSWORD" = { arn = aws_db_instance.db.master_user_secret[0].secret_arn, key = "password" }
      }
    }
  })
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
