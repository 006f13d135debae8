# CloudWatch alarms, sent to an SNS topic with an e-mail subscription, in the environments that
# set `alarms` (the recipient must confirm the subscription once).

# The topic's own key: CloudWatch and EventBridge cannot publish to a topic under the AWS managed
# key alias/aws/sns, whose policy cannot grant them its use.
resource "aws_kms_key" "alarms" {
  count               = var.alarms != null ? 1 : 0
  description         = "Encryption of the SNS topic ${local.names.alarm_topic}"
  enable_key_rotation = true
  # A key scheduled for deletion can be cancelled for this many days (in every environment, as in
  # the CloudFormation, where not every stack has the DeletionProtection parameter).
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarm_topic_key[0].json
}

# The account's administrators manage the key (IAM policies grant its use); CloudWatch and
# EventBridge, on this account's behalf only, encrypt the messages they publish to the topic.
data "aws_iam_policy_document" "alarm_topic_key" {
  count = var.alarms != null ? 1 : 0

  statement {
    sid       = "AccountAdministers"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "AlarmPublishers"
    actions   = ["kms:GenerateDataKey*", "kms:Decrypt"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "events.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_alias" "alarms" {
  count         = length(aws_kms_key.alarms)
  name          = "alias/${local.names.alarm_topic}"
  target_key_id = aws_kms_key.alarms[0].key_id
}

resource "aws_sns_topic" "alarms" {
  count             = var.alarms != null ? 1 : 0
  name              = local.names.alarm_topic
  kms_master_key_id = aws_kms_key.alarms[0].arn
}

resource "aws_sns_topic_subscription" "alarms_email" {
  count     = length(aws_sns_topic.alarms)
  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = var.alarms.email
}

resource "aws_cloudwatch_metric_alarm" "service_api_cpu_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_api_cpu_alarm
  alarm_description   = "Service api: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
  namespace           = "AWS/ECS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.alarms.cpu_high
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]
  ok_actions          = [aws_sns_topic.alarms[0].arn]

  dimensions = {
    ClusterName = aws_ecs_cluster.main.name
    ServiceName = local.names.service_api_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_api_memory_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_api_memory_alarm
  alarm_description   = "Service api: average memory above ${var.alarms.memory_high}% for 10 minutes"
  namespace           = "AWS/ECS"
  metric_name         = "MemoryUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.alarms.memory_high
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]
  ok_actions          = [aws_sns_topic.alarms[0].arn]

  dimensions = {
    ClusterName = aws_ecs_cluster.main.name
    ServiceName = local.names.service_api_service
  }
}

resource "aws_cloudwatch_metric_alarm" "load_balancer_5xx" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.load_balancer_5xx_alarm
  alarm_description   = "Load balancer: more than ${var.alarms.http_5xx} 5xx answers (its own and the services') in 5 minutes"
  evaluation_periods  = 1
  threshold           = var.alarms.http_5xx
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]
  ok_actions          = [aws_sns_topic.alarms[0].arn]

  metric_query {
    id          = "errors"
    expression  = "FILL(elb, 0) + FILL(targets, 0)"
    label       = "5xx answers"
    return_data = true
  }

  metric_query {
    id = "elb"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_ELB_5XX_Count"
      stat        = "Sum"
      period      = 300
      dimensions = {
        LoadBalancer = aws_lb.public.arn_suffix
      }
    }
  }

  metric_query {
    id = "targets"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "HTTPCode_Target_5XX_Count"
      stat        = "Sum"
      period      = 300
      dimensions = {
        LoadBalancer = aws_lb.public.arn_suffix
      }
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "database_db_cpu_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.database_db_cpu_alarm
  alarm_description   = "Database db: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.alarms.cpu_high
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]
  ok_actions          = [aws_sns_topic.alarms[0].arn]

  dimensions = {
    DBInstanceIdentifier = aws_db_instance.db.identifier
  }
}

# EventBridge could not submit job aggregate even after retries (SubmitJob refused, e.g. a
# disabled queue or a missing job definition): the submission landed in its dead-letter queue.
resource "aws_cloudwatch_metric_alarm" "job_aggregate_failed" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.job_aggregate_failed_alarm
  alarm_description   = "Job aggregate could not be started; the start is in its dead-letter queue"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]

  dimensions = {
    QueueName = aws_sqs_queue.job_aggregate_dead_letter.name
  }
}

# EventBridge could not submit job ingest even after retries (SubmitJob refused, e.g. a
# disabled queue or a missing job definition): the submission landed in its dead-letter queue.
resource "aws_cloudwatch_metric_alarm" "job_ingest_failed" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.job_ingest_failed_alarm
  alarm_description   = "Job ingest could not be started; the start is in its dead-letter queue"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms[0].arn]

  dimensions = {
    QueueName = aws_sqs_queue.job_ingest_dead_letter.name
  }
}

# A job that failed (every attempt used up): AWS Batch's state change event, sent to the alarm
# topic by EventBridge.
resource "aws_cloudwatch_event_rule" "job_failed" {
  count       = length(aws_sns_topic.alarms)
  name        = local.names.job_failed_rule
  description = "Jobs of ${var.environment} that failed after all their attempts"
  event_pattern = jsonencode({
    source        = ["aws.batch"]
    "detail-type" = ["Batch Job State Change"]
    detail = {
      status   = ["FAILED"]
      jobQueue = [aws_batch_job_queue.job_aggregate.arn, aws_batch_job_queue.job_ingest.arn]
    }
  })
}

resource "aws_cloudwatch_event_target" "job_failed" {
  count = length(aws_sns_topic.alarms)
  rule  = aws_cloudwatch_event_rule.job_failed[0].name
  arn   = aws_sns_topic.alarms[0].arn

  input_transformer {
    input_paths = {
      job    = "$.detail.jobName"
      id     = "$.detail.jobId"
      reason = "$.detail.statusReason"
    }
    input_template = "\"Job <job> (<id>) failed: <reason>\""
  }
}

# The topic's policy: the account, as by default, and EventBridge for the failed-job rule only.
data "aws_iam_policy_document" "alarm_topic" {
  count = length(aws_sns_topic.alarms)

  statement {
    sid       = "Account"
    actions   = ["sns:Publish", "sns:Subscribe", "sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:ListSubscriptionsByTopic"]
    resources = [aws_sns_topic.alarms[0].arn]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "FailedJobs"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.alarms[0].arn]

    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_cloudwatch_event_rule.job_failed[0].arn]
    }
  }
}

resource "aws_sns_topic_policy" "alarms" {
  count  = length(aws_sns_topic.alarms)
  arn    = aws_sns_topic.alarms[0].arn
  policy = data.aws_iam_policy_document.alarm_topic[0].json
}
