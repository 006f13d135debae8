# Service "result": a container of every instance of group "front", published on the instances' port 8000.

resource "aws_cloudwatch_log_group" "service_result" {
  name              = local.names.service_result_log_group
  retention_in_days = var.log_retention_days
}

# The public load balancer sends this service's requests to port 8000 of the group's instances.
resource "aws_lb_target_group" "result" {
  name                 = local.names.service_result_target_group
  port                 = 8000
  protocol             = "HTTP"
  target_type          = "instance"
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
