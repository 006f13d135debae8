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

# Service "result": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "service_result_execution" {
  name               = local.names.service_result_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "service_result_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service_result.arn}:*"]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "service_result_execution" {
  name   = "start-task"
  role   = aws_iam_role.service_result_execution.id
  policy = data.aws_iam_policy_document.service_result_execution.json
}

resource "aws_iam_role" "service_result_task" {
  name               = local.names.service_result_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "service_result_exec" {
  count  = var.enable_execute_command ? 1 : 0
  name   = "ecs-exec"
  role   = aws_iam_role.service_result_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

# Service "vote": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "service_vote_execution" {
  name               = local.names.service_vote_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "service_vote_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service_vote.arn}:*"]
  }
}

resource "aws_iam_role_policy" "service_vote_execution" {
  name   = "start-task"
  role   = aws_iam_role.service_vote_execution.id
  policy = data.aws_iam_policy_document.service_vote_execution.json
}

resource "aws_iam_role" "service_vote_task" {
  name               = local.names.service_vote_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "service_vote_exec" {
  count  = var.enable_execute_command ? 1 : 0
  name   = "ecs-exec"
  role   = aws_iam_role.service_vote_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}

# Service "worker": the execution role lets ECS start the task (pull the image, write logs,
# read its secrets); the task role is what the application itself may call.
resource "aws_iam_role" "service_worker_execution" {
  name               = local.names.service_worker_execution_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "service_worker_execution" {
  statement {
    sid       = "WriteLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.service_worker.arn}:*"]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "service_worker_execution" {
  name   = "start-task"
  role   = aws_iam_role.service_worker_execution.id
  policy = data.aws_iam_policy_document.service_worker_execution.json
}

resource "aws_iam_role" "service_worker_task" {
  name               = local.names.service_worker_task_role
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "service_worker_exec" {
  count  = var.enable_execute_command ? 1 : 0
  name   = "ecs-exec"
  role   = aws_iam_role.service_worker_task.id
  policy = data.aws_iam_policy_document.ecs_exec.json
}
