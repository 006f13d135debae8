# The ECS cluster. Tasks run on the EC2 instances of its capacity providers (capacity.tf), one per
# instance group: main.

resource "aws_ecs_cluster" "main" {
  name = local.names.cluster

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_cluster_capacity_providers" "main" {
  cluster_name       = aws_ecs_cluster.main.name
  capacity_providers = [aws_ecs_capacity_provider.main.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.main.name
    weight            = 1
  }
}
