# One log group per workload, kept var.log_retention_days days.

resource "aws_cloudwatch_log_group" "service_api" {
  name              = local.names.service_api_log_group
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "job_aggregate" {
  name              = local.names.job_aggregate_log_group
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "job_ingest" {
  name              = local.names.job_ingest_log_group
  retention_in_days = var.log_retention_days
}
