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

# The nodes' CPU per node group (EC2 metrics of its Auto Scaling group): the pods' own use needs
# Container Insights, which this target does not install.
resource "aws_cloudwatch_metric_alarm" "nodes_cpu_high" {
  for_each            = length(aws_sns_topic.alarms) > 0 ? aws_eks_node_group.main : {}
  alarm_name          = "${local.names.cluster}-${each.key}-nodes-cpu-high"
  alarm_description   = "Node group ${each.key}: average CPU above ${var.alarms.cpu_high}% for 10 minutes"
  namespace           = "AWS/EC2"
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
    AutoScalingGroupName = each.value.resources[0].autoscaling_groups[0].name
  }
}
