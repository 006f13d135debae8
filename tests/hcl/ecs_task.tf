resource "aws_ecs_task_definition" "app" {
  family = "app"
  requires_compatibilities = ["FARGATE"]
  cpu = 256
  memory = 512
  container_definitions = jsonencode([
    {
      name = "app"
      image = "${var.repository}:${var.tag}"
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment = [for k, v in var.env : { name = k, value = v }]
      secrets = [
        for k, arn in var.secrets : {
          name = k
          valueFrom = arn
        }
      ]
    }
  ])
}
