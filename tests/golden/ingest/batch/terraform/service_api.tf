# Service "api": public, behind the load balancer.

resource "aws_ecs_task_definition" "service_api" {
  family                   = local.names.service_api_family
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.services["api"].cpu
  memory                   = var.services["api"].memory
  execution_role_arn       = aws_iam_role.service_api_execution.arn
  task_role_arn            = aws_iam_role.service_api_task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    {
      name      = "api"
      image     = var.services["api"].image
      essential = true

      portMappings = [
        {
          containerPort = 80
          protocol      = "tcp"
        }
      ]

      environment = [
        { name = "DB_HOST", value = aws_db_instance.db.address },
        { name = "DB_NAME", value = aws_db_instance.db.db_name },
      ]

      # Read from Secrets Manager by ECS when the task starts; never a value in code or state.
      secrets = [
        { name = "DB_PASSWORD", valueFrom = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::" },
      ]

      # An init process as PID 1 forwards signals and reaps zombies (and serves ECS Exec).
      linuxParameters = {
        initProcessEnabled = true
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          "awslogs-group"         = aws_cloudwatch_log_group.service_api.name
          "awslogs-region"        = "us-east-1"
          "awslogs-stream-prefix" = "api"
        }
      }
    }
  ])
}

resource "aws_ecs_service" "api" {
  name                              = local.names.service_api_service
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.service_api.arn
  desired_count                     = var.services["api"].desired_count
  enable_execute_command            = var.enable_execute_command
  propagate_tags                    = "SERVICE"
  health_check_grace_period_seconds = 60

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
    security_groups  = [aws_security_group.service_api.id, aws_security_group.load_balanced_services.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 80
  }

  # The target group must be attached before tasks register.
  depends_on = [
    aws_lb_listener.http,
  ]
}

resource "aws_lb_target_group" "api" {
  name                 = local.names.service_api_target_group
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
