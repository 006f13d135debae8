# One log group per workload, kept var.log_retention_days days.

resource "aws_cloudwatch_log_group" "service_result" {
  name              = local.names.service_result_log_group
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "service_vote" {
  name              = local.names.service_vote_log_group
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "service_worker" {
  name              = local.names.service_worker_log_group
  retention_in_days = var.log_retention_days
}
