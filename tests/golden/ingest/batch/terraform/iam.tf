# IAM roles of the tasks: one execution role and one task role per service and job, each allowed
# exactly what that workload uses.

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# ECS Exec (`aws ecs execute-command`), granted outside production only.
data "aws_iam_policy_document" "ecs_exec" {
  statement {
    actions = [
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
    ]
    resources = ["*"]
  }
}

# Service "api": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "service_api_execution" {
  name               = local.names.service_api_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "service_api_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service_api.arn}:*"]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "service_api_execution" {
  name   = "start-task"
  role   = aws_iam_role.service_api_execution.id
  policy = data.aws_iam_policy_document.service_api_execution.json
}

resource "aws_iam_role" "service_api_task" {
  name               = local.names.service_api_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "service_api_exec" {
  count  = var.enable_execute_command ? 1 : 0
  name   = "ecs-exec"
  role   = aws_iam_role.service_api_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

# Job "aggregate": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "job_aggregate_execution" {
  name               = local.names.job_aggregate_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "job_aggregate_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.job_aggregate.arn}:*"]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "job_aggregate_execution" {
  name   = "start-task"
  role   = aws_iam_role.job_aggregate_execution.id
  policy = data.aws_iam_policy_document.job_aggregate_execution.json
}

resource "aws_iam_role" "job_aggregate_task" {
  name               = local.names.job_aggregate_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

# Job "ingest": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "job_ingest_execution" {
  name               = local.names.job_ingest_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "job_ingest_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.job_ingest.arn}:*"]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
      aws_secretsmanager_secret.provider_token.arn,
    ]
  }
}

resource "aws_iam_role_policy" "job_ingest_execution" {
  name   = "start-task"
  role   = aws_iam_role.job_ingest_execution.id
  policy = data.aws_iam_policy_document.job_ingest_execution.json
}

resource "aws_iam_role" "job_ingest_task" {
  name               = local.names.job_ingest_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "job_ingest_task" {
  statement {
    sid     = "ListBuckets"
    actions = ["s3:ListBucket"]
    resources = [
      aws_s3_bucket.imports.arn,
    ]
  }

  statement {
    sid     = "ReadWriteObjects"
    actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = [
      "${aws_s3_bucket.imports.arn}/*",
    ]
  }
}

resource "aws_iam_role_policy" "job_ingest_task" {
  name   = "application"
  role   = aws_iam_role.job_ingest_task.id
  policy = data.aws_iam_policy_document.job_ingest_task.json
}
