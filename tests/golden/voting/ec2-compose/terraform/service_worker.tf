# Service "worker": a container of every instance of group "back".

resource "aws_cloudwatch_log_group" "service_worker" {
  name              = local.names.service_worker_log_group
  retention_in_days = var.log_retention_days
}
