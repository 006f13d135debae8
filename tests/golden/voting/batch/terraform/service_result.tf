# Service "result": public, behind the load balancer.

resource "aws_ecs_task_definition" "service_result" {
  family                   = local.names.service_result_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services["result"].cpu
  memory                   = var.services["result"].memory
  execution_role_arn       = aws_iam_role.service_result_execution.arn
  task_role_arn            = aws_iam_role.service_result_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "result"
      image     = var.services["result"].image
      essential = true

      portMappings = [
        {
          containerPort = 80
          protocol      = "tcp"
        }
      ]

      environment = [
        { name = "PG_DATABASE", value = aws_db_instance.db.db_name },
        { name = "PG_HOST", value = aws_db_instance.db.address },
        { name = "PG_PORT", value = tostring(aws_db_instance.db.port) },
        { name = "PG_USER", value = aws_db_instance.db.username },
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
          "awslogs-group"         = aws_cloudwatch_log_group.service_result.name
          "awslogs-region"        = "eu-central-1"
          "awslogs-stream-prefix" = "result"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "result" {
  name                              = local.names.service_result_service
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.service_result.arn
  desired_count                     = var.services["result"].desired_count
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
    security_groups  = [aws_security_group.service_result.id, aws_security_group.load_balanced_services.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.result.arn
    container_name   = "result"
    container_port   = 80
  }

  # The target group must be attached before tasks register; what the manifest's
  # depends_on names starts first.
  depends_on = [
    aws_lb_listener_rule.result,
    aws_db_instance.db,
  ]
}

resource "aws_lb_target_group" "result" {
  name                 = local.names.service_result_target_group
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

resource "aws_lb_listener_rule" "result" {
  listener_arn = aws_lb_listener.http.arn
  priority     = 10

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.result.arn
  }

  condition {
    path_pattern {
      values = ["/result", "/result/*"]
    }
  }
}
