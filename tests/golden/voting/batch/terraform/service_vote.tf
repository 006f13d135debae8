# Service "vote": public, behind the load balancer.

resource "aws_ecs_task_definition" "service_vote" {
  family                   = local.names.service_vote_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services["vote"].cpu
  memory                   = var.services["vote"].memory
  execution_role_arn       = aws_iam_role.service_vote_execution.arn
  task_role_arn            = aws_iam_role.service_vote_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "vote"
      image     = var.services["vote"].image
      essential = true

      portMappings = [
        {
          containerPort = 80
          protocol      = "tcp"
        }
      ]

      environment = [
        { name = "OPTION_A", value = "Cats" },
        { name = "OPTION_B", value = "Dogs" },
        { name = "REDIS_HOST", value = aws_elasticache_replication_group.redis.primary_endpoint_address },
      ]

      # An init process as PID 1 forwards signals and reaps zombies (and serves ECS Exec).
      linuxParameters = {
        initProcessEnabled = true
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.service_vote.name
          "awslogs-region"        = "eu-central-1"
          "awslogs-stream-prefix" = "vote"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "vote" {
  name                              = local.names.service_vote_service
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.service_vote.arn
  desired_count                     = var.services["vote"].desired_count
  enable_execute_command            = var.enable_execute_command
  propagate_tags                    = "SERVICE"
  health_check_grace_period_seconds = 30

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
    security_groups  = [aws_security_group.service_vote.id, aws_security_group.load_balanced_services.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.vote.arn
    container_name   = "vote"
    container_port   = 80
  }

  lifecycle {
    # Application Auto Scaling owns the running count (auto scaling);
    # desired_count applies when the service is created.
    ignore_changes = [desired_count]
  }

  # The target group must be attached before tasks register; what the manifest's
  # depends_on names starts first.
  depends_on = [
    aws_lb_listener.http,
    aws_elasticache_replication_group.redis,
  ]
}

resource "aws_lb_target_group" "vote" {
  name                 = local.names.service_vote_target_group
  port                 = 80
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = local.vpc_id
  deregistration_delay = 30

  health_check {
    path                = "/"
    matcher             = "200-399"
    interval            = 30
    timeout             = 5
    healthy_threshold   = 3
    unhealthy_threshold = 3
  }
}

# Application Auto Scaling of the running count: target tracking between autoscale.min and .max.
resource "aws_appautoscaling_target" "vote" {
  count              = var.services["vote"].autoscale != null ? 1 : 0
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${local.names.service_vote_service}"
  min_capacity       = try(var.services["vote"].autoscale.min, var.services["vote"].desired_count)
  max_capacity       = try(var.services["vote"].autoscale.max, var.services["vote"].desired_count)

  depends_on = [aws_ecs_service.vote]
}

resource "aws_appautoscaling_policy" "vote_cpu" {
  count              = try(var.services["vote"].autoscale.cpu, null) != null ? 1 : 0
  name               = local.names.service_vote_cpu_policy
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.vote[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.vote[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.vote[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.services["vote"].autoscale.cpu
    scale_in_cooldown  = 300
    scale_out_cooldown = 60

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}
