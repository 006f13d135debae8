# Service "vote": a container of every instance of group "front", published on the instances' port 8001.

resource "aws_cloudwatch_log_group" "service_vote" {
  name              = local.names.service_vote_log_group
  retention_in_days = var.log_retention_days
}

# The public load balancer sends this service's requests to port 8001 of the group's instances.
resource "aws_lb_target_group" "vote" {
  name                 = local.names.service_vote_target_group
  port                 = 8001
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
