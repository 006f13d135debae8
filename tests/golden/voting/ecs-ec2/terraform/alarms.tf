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

resource "aws_cloudwatch_metric_alarm" "service_result_cpu_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_result_cpu_alarm
  alarm_description   = "Service result: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
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
    ServiceName = local.names.service_result_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_result_memory_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_result_memory_alarm
  alarm_description   = "Service result: average memory above ${var.alarms.memory_high}% for 10 minutes"
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
    ServiceName = local.names.service_result_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_vote_cpu_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_vote_cpu_alarm
  alarm_description   = "Service vote: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
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
    ServiceName = local.names.service_vote_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_vote_memory_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_vote_memory_alarm
  alarm_description   = "Service vote: average memory above ${var.alarms.memory_high}% for 10 minutes"
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
    ServiceName = local.names.service_vote_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_worker_cpu_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_worker_cpu_alarm
  alarm_description   = "Service worker: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
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
    ServiceName = local.names.service_worker_service
  }
}

resource "aws_cloudwatch_metric_alarm" "service_worker_memory_high" {
  count               = length(aws_sns_topic.alarms)
  alarm_name          = local.names.service_worker_memory_alarm
  alarm_description   = "Service worker: average memory above ${var.alarms.memory_high}% for 10 minutes"
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
    ServiceName = local.names.service_worker_service
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
