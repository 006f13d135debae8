resource "aws_lb_listener" "https" {
load_balancer_arn = aws_lb.main.arn
port = 443
default_action {
type = "forward"
forward {
target_group {
arn = aws_lb_target_group.blue.arn
weight = 80
}
target_group {
arn = aws_lb_target_group.green.arn
weight = 20
}
}
}
}
