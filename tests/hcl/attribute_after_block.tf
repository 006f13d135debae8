resource "aws_lb" "lb" {
  name = "lb"
  subnet_mapping {
    subnet_id = var.a
  }
  internal = false
  enable_deletion_protection = true
  access_logs {
    bucket = var.logs
    enabled = true
  }
  idle_timeout = 60
}
