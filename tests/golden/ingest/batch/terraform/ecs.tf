# The ECS cluster. Tasks run on Fargate; outside production, workloads marked
# `spot` run on Fargate Spot (spare capacity, stopped at short notice).

resource "aws_ecs_cluster" "main" {
  name = local.names.cluster

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = var.fargate_spot ? ["FARGATE", "FARGATE_SPOT"] : ["FARGATE"]

  default_capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }
}
