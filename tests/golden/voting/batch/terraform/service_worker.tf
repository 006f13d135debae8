# Service "worker": no inbound traffic.

resource "aws_ecs_task_definition" "service_worker" {
  family                   = local.names.service_worker_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services["worker"].cpu
  memory                   = var.services["worker"].memory
  execution_role_arn       = aws_iam_role.service_worker_execution.arn
  task_role_arn            = aws_iam_role.service_worker_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = var.services["worker"].image
      essential = true

      environment = [
        { name = "PG_DATABASE", value = aws_db_instance.db.db_name },
        { name = "PG_HOST", value = aws_db_instance.db.address },
        { name = "PG_USER", value = aws_db_instance.db.username },
        { name = "REDIS_HOST", value = aws_elasticache_replication_group.redis.primary_endpoint_address },
      ]

      # Read from Secrets Manager by ECS when the task starts; never a value in code or state.
      secrets = [
        { name = "PG_PASSWORD", valueFrom = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::" },
      ]

      # An init process as PID 1 forwards signals and reaps zombies (and serves ECS Exec).
      linuxParameters = {
        initProcessEnabled = true
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.service_worker.name
          "awslogs-region"        = "eu-central-1"
          "awslogs-stream-prefix" = "worker"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "worker" {
  name                   = local.names.service_worker_service
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.service_worker.arn
  desired_count          = var.services["worker"].desired_count
  enable_execute_command = var.enable_execute_command
  propagate_tags         = "SERVICE"

  capacity_provider_strategy {
    capacity_provider = "FARGATE"
    weight            = 1
  }

  # A deployment whose tasks do not become healthy is rolled back.
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = local.task_subnet_ids
    security_groups  = [aws_security_group.service_worker.id]
    assign_public_ip = false
  }

  # What the manifest's depends_on names starts first.
  depends_on = [
    aws_db_instance.db,
    aws_elasticache_replication_group.redis,
  ]
}
