# Jobs on AWS Batch. Each job has its own compute environments (so that one job's backlog never
# delays another's and `max_vcpus` caps that job alone), job queue and job definition. Fargate
# runs the jobs that fit it (Fargate Spot first outside production, where the manifest allows
# spot); EC2 instances run the ones that need GPUs, a warm minimum or a size
# Fargate does not offer, scaling between `min_vcpus` and `max_vcpus`. EventBridge Scheduler
# submits the scheduled jobs. An EventBridge rule submits a job for each new object in its
# bucket. Submissions that cannot be delivered after retries land in a dead-letter queue
# (alarmed in alarms.tf, with the jobs that fail).

data "aws_iam_policy_document" "batch_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["batch.amazonaws.com"]
    }
  }
}

# The role AWS Batch manages the compute environments with.
resource "aws_iam_role" "batch_service" {
  name               = local.names.batch_service_role
  assume_role_policy = data.aws_iam_policy_document.batch_assume.json
}

resource "aws_iam_role_policy_attachment" "batch_service" {
  role       = aws_iam_role.batch_service.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSBatchServiceRole"
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# The EC2 instances' role: the ECS agent that runs the jobs' containers. The jobs themselves get
# their own job role (iam.tf), never this one.
resource "aws_iam_role" "batch_instance" {
  name               = local.names.batch_instance_role
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "batch_instance" {
  role       = aws_iam_role.batch_instance.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_instance_profile" "batch_instance" {
  name = local.names.batch_instance_profile
  role = aws_iam_role.batch_instance.name
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

data "aws_iam_policy_document" "events_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Job "aggregate": runs on the schedule cron(30 2 * * ? *) (UTC), on Fargate.

resource "aws_batch_compute_environment" "job_aggregate" {
  compute_environment_name = local.names.job_aggregate_compute_environment
  type                     = "MANAGED"
  service_role             = aws_iam_role.batch_service.arn

  compute_resources {
    type               = "FARGATE"
    max_vcpus          = var.jobs["aggregate"].max_vcpus
    subnets            = local.task_subnet_ids
    security_group_ids = [aws_security_group.job_aggregate.id]
  }

  depends_on = [aws_iam_role_policy_attachment.batch_service]
}

# Spare Fargate capacity, stopped at short notice (the run is then retried), where allowed.
resource "aws_batch_compute_environment" "job_aggregate_spot" {
  count                    = var.jobs["aggregate"].spot ? 1 : 0
  compute_environment_name = local.names.job_aggregate_spot_compute_environment
  type                     = "MANAGED"
  service_role             = aws_iam_role.batch_service.arn

  compute_resources {
    type               = "FARGATE_SPOT"
    max_vcpus          = var.jobs["aggregate"].max_vcpus
    subnets            = local.task_subnet_ids
    security_group_ids = [aws_security_group.job_aggregate.id]
  }

  depends_on = [aws_iam_role_policy_attachment.batch_service]
}

resource "aws_batch_job_queue" "job_aggregate" {
  name     = local.names.job_aggregate_job_queue
  state    = "ENABLED"
  priority = 1

  # Compute environments in the order the queue tries them: Fargate Spot (where allowed), then
  # Fargate.
  dynamic "compute_environment_order" {
    for_each = concat(aws_batch_compute_environment.job_aggregate_spot[*].arn, [aws_batch_compute_environment.job_aggregate.arn])

    content {
      order               = compute_environment_order.key + 1
      compute_environment = compute_environment_order.value
    }
  }
}

resource "aws_batch_job_definition" "job_aggregate" {
  name                  = local.names.job_aggregate_job_definition
  type                  = "container"
  platform_capabilities = ["FARGATE"]
  propagate_tags        = true

  # A run is stopped after `timeout` seconds.
  timeout {
    attempt_duration_seconds = 900
  }

  # a failed run is retried once (attempts = retries + 1): a non-zero exit, a stopped instance and a
  # timeout all count as a failed run.
  retry_strategy {
    attempts = 2
  }

  container_properties = jsonencode({
    image            = var.jobs["aggregate"].image
    command          = ["python", "-m", "aggregate"]
    jobRoleArn       = aws_iam_role.job_aggregate_task.arn
    executionRoleArn = aws_iam_role.job_aggregate_execution.arn

    resourceRequirements = concat(
      [
        { type = "VCPU", value = tostring(var.jobs["aggregate"].cpu / 1024) },
        { type = "MEMORY", value = tostring(var.jobs["aggregate"].memory) },
      ],
      var.jobs["aggregate"].gpu > 0 ? [{ type = "GPU", value = tostring(var.jobs["aggregate"].gpu) }] : []
    )

    environment = [
      { name = "DB_HOST", value = aws_db_instance.db.address },
    ]

    # Read from Secrets Manager by ECS when the task starts; never a value in code or state.
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::" },
    ]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.job_aggregate.name
        "awslogs-region"        = "us-east-1"
        "awslogs-stream-prefix" = "aggregate"
      }
    }

    fargatePlatformConfiguration = {
      platformVersion = "LATEST"
    }

    networkConfiguration = {
      assignPublicIp = "DISABLED"
    }
  })
}

resource "aws_sqs_queue" "job_aggregate_dead_letter" {
  name                      = local.names.job_aggregate_dead_letter_queue
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
}

resource "aws_iam_role" "job_aggregate_trigger" {
  name               = local.names.job_aggregate_trigger_role
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

data "aws_iam_policy_document" "job_aggregate_trigger" {
  statement {
    sid       = "SubmitJob"
    actions   = ["batch:SubmitJob"]
    resources = [aws_batch_job_queue.job_aggregate.arn, aws_batch_job_definition.job_aggregate.arn]
  }

  statement {
    sid       = "DeadLetters"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.job_aggregate_dead_letter.arn]
  }
}

resource "aws_iam_role_policy" "job_aggregate_trigger" {
  name   = "submit-job"
  role   = aws_iam_role.job_aggregate_trigger.id
  policy = data.aws_iam_policy_document.job_aggregate_trigger.json
}

# EventBridge Scheduler calls batch:SubmitJob itself (a universal target: no glue code).
resource "aws_scheduler_schedule" "job_aggregate" {
  name                         = local.names.job_aggregate_trigger
  schedule_expression          = "cron(30 2 * * ? *)"
  schedule_expression_timezone = "UTC"

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = "arn:${data.aws_partition.current.partition}:scheduler:::aws-sdk:batch:submitJob"
    role_arn = aws_iam_role.job_aggregate_trigger.arn
    input = jsonencode({
      JobName       = "aggregate"
      JobQueue      = aws_batch_job_queue.job_aggregate.arn
      JobDefinition = aws_batch_job_definition.job_aggregate.arn
    })

    retry_policy {
      maximum_event_age_in_seconds = 3600
      maximum_retry_attempts       = 3
    }

    dead_letter_config {
      arn = aws_sqs_queue.job_aggregate_dead_letter.arn
    }
  }
}

# ---------------------------------------------------------------------------------------------
# Job "ingest": runs for each new object in bucket "imports" (wildcard incoming/*.csv), on EC2 instances for its GPUs.

# The instances: IMDSv2 only (one hop, so containers cannot reach the instance role) and an
# encrypted root volume.
resource "aws_launch_template" "job_ingest" {
  name = local.names.job_ingest_launch_template

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = 50
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }
}

resource "aws_batch_compute_environment" "job_ingest" {
  compute_environment_name = local.names.job_ingest_compute_environment
  type                     = "MANAGED"
  service_role             = aws_iam_role.batch_service.arn

  compute_resources {
    type                = "EC2"
    allocation_strategy = "BEST_FIT_PROGRESSIVE"
    # min_vcpus above 0 keeps instances warm for strict processing times; 0 scales to nothing.
    min_vcpus          = var.jobs["ingest"].min_vcpus
    max_vcpus          = var.jobs["ingest"].max_vcpus
    instance_type      = ["g4dn", "g5"]
    instance_role      = aws_iam_instance_profile.batch_instance.arn
    subnets            = local.task_subnet_ids
    security_group_ids = [aws_security_group.job_ingest.id]

    # The ECS GPU-optimised AMI (NVIDIA driver and container toolkit).
    ec2_configuration {
      image_type = "ECS_AL2_NVIDIA"
    }

    launch_template {
      launch_template_id = aws_launch_template.job_ingest.id
      version            = aws_launch_template.job_ingest.latest_version
    }
  }

  depends_on = [aws_iam_role_policy_attachment.batch_service]
}

resource "aws_batch_job_queue" "job_ingest" {
  name     = local.names.job_ingest_job_queue
  state    = "ENABLED"
  priority = 1

  # Compute environments in the order the queue tries them.
  dynamic "compute_environment_order" {
    for_each = [aws_batch_compute_environment.job_ingest.arn]

    content {
      order               = compute_environment_order.key + 1
      compute_environment = compute_environment_order.value
    }
  }
}

resource "aws_batch_job_definition" "job_ingest" {
  name                  = local.names.job_ingest_job_definition
  type                  = "container"
  platform_capabilities = ["EC2"]
  propagate_tags        = true

  # A run is stopped after `timeout` seconds.
  timeout {
    attempt_duration_seconds = 7200
  }

  # a failed run is retried up to 2 times (attempts = retries + 1): a non-zero exit, a stopped instance and a
  # timeout all count as a failed run.
  retry_strategy {
    attempts = 3
  }

  container_properties = jsonencode({
    image            = var.jobs["ingest"].image
    command          = ["python", "-m", "ingest", "Ref::key"]
    jobRoleArn       = aws_iam_role.job_ingest_task.arn
    executionRoleArn = aws_iam_role.job_ingest_execution.arn

    resourceRequirements = concat(
      [
        { type = "VCPU", value = tostring(var.jobs["ingest"].cpu / 1024) },
        { type = "MEMORY", value = tostring(var.jobs["ingest"].memory) },
      ],
      var.jobs["ingest"].gpu > 0 ? [{ type = "GPU", value = tostring(var.jobs["ingest"].gpu) }] : []
    )

    environment = [
      { name = "DB_HOST", value = aws_db_instance.db.address },
      { name = "IMPORT_BUCKET", value = aws_s3_bucket.imports.bucket },
    ]

    # Read from Secrets Manager by ECS when the task starts; never a value in code or state.
    secrets = [
      { name = "DB_PASSWORD", valueFrom = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::" },
      { name = "PROVIDER_TOKEN", valueFrom = aws_secretsmanager_secret.provider_token.arn },
    ]

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.job_ingest.name
        "awslogs-region"        = "us-east-1"
        "awslogs-stream-prefix" = "ingest"
      }
    }
  })
}

resource "aws_sqs_queue" "job_ingest_dead_letter" {
  name                      = local.names.job_ingest_dead_letter_queue
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
}

resource "aws_iam_role" "job_ingest_trigger" {
  name               = local.names.job_ingest_trigger_role
  assume_role_policy = data.aws_iam_policy_document.events_assume.json
}

data "aws_iam_policy_document" "job_ingest_trigger" {
  statement {
    sid       = "SubmitJob"
    actions   = ["batch:SubmitJob"]
    resources = [aws_batch_job_queue.job_ingest.arn, aws_batch_job_definition.job_ingest.arn]
  }
}

resource "aws_iam_role_policy" "job_ingest_trigger" {
  name   = "submit-job"
  role   = aws_iam_role.job_ingest_trigger.id
  policy = data.aws_iam_policy_document.job_ingest_trigger.json
}

resource "aws_cloudwatch_event_rule" "job_ingest" {
  name        = local.names.job_ingest_trigger
  description = "New objects in bucket imports submit job ingest"
  event_pattern = jsonencode({
    source        = ["aws.s3"]
    "detail-type" = ["Object Created"]
    detail = {
      bucket = { name = [aws_s3_bucket.imports.bucket] }
      object = { key = [{ wildcard = "incoming/*.csv" }] }
    }
  })
}

resource "aws_cloudwatch_event_target" "job_ingest" {
  rule     = aws_cloudwatch_event_rule.job_ingest.name
  arn      = aws_batch_job_queue.job_ingest.arn
  role_arn = aws_iam_role.job_ingest_trigger.arn

  batch_target {
    job_definition = aws_batch_job_definition.job_ingest.arn
    job_name       = "ingest"
  }

  # The job learns which object to process from TRIGGER_BUCKET and TRIGGER_KEY (and the job
  # parameters `bucket` and `key`, for Ref::bucket in a command).
  input_transformer {
    input_paths = {
      bucket = "$.detail.bucket.name"
      key    = "$.detail.object.key"
    }
    input_template = <<-EOT
      {"Parameters": {"bucket": <bucket>, "key": <key>}, "ContainerOverrides": {"Environment": [
        {"Name": "TRIGGER_BUCKET", "Value": <bucket>},
        {"Name": "TRIGGER_KEY", "Value": <key>}
      ]}}
    EOT
  }

  retry_policy {
    maximum_event_age_in_seconds = 3600
    maximum_retry_attempts       = 3
  }

  dead_letter_config {
    arn = aws_sqs_queue.job_ingest_dead_letter.arn
  }
}

data "aws_iam_policy_document" "job_ingest_dead_letter" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.job_ingest_dead_letter.arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.job_ingest.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "job_ingest_dead_letter" {
  queue_url = aws_sqs_queue.job_ingest_dead_letter.id
  policy    = data.aws_iam_policy_document.job_ingest_dead_letter.json
}
