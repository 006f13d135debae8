# The public application load balancer shared by every public service: routing by path and host
# on one listener.

resource "aws_lb" "public" {
  name                       = local.names.load_balancer
  load_balancer_type         = "application"
  internal                   = false
  security_groups            = [aws_security_group.load_balancer.id]
  subnets                    = local.public_subnet_ids
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.public.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    # Requests no rule matches go to service "vote".
    type             = "forward"
    target_group_arn = aws_lb_target_group.vote.arn
  }
}
