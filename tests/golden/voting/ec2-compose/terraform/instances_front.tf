# Instance group "front": every instance runs one container of each of result, vote
# with docker compose, started by cloud-init (user-data/front.yaml) as a systemd unit. Amazon
# Linux 2023 (AMI from the public SSM parameter), IMDSv2 only, an encrypted root volume, reached
# with SSM Session Manager only (no SSH port, no key pair). A launch template change replaces the
# instances by instance refresh, launching each new one before terminating an old one.

data "aws_ssm_parameter" "front_ami" {
  name = var.instances["front"].ami_parameter
}

data "aws_iam_policy_document" "instances_front_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instances_front" {
  name               = local.names.instances_front_instance_role
  assume_role_policy = data.aws_iam_policy_document.instances_front_assume.json
}

# Session Manager (shell access and Run Command, which deploys new images).
resource "aws_iam_role_policy_attachment" "instances_front_ssm" {
  role       = aws_iam_role.instances_front.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# What the group's containers and its boot script use, and nothing else.
data "aws_iam_policy_document" "instances_front" {
  statement {
    sid       = "ReadConfiguration"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.instances_front_config.arn]
  }

  statement {
    sid     = "WriteContainerLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      "${aws_cloudwatch_log_group.service_result.arn}:*",
      "${aws_cloudwatch_log_group.service_vote.arn}:*",
    ]
  }

  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "instances_front" {
  name   = "containers"
  role   = aws_iam_role.instances_front.id
  policy = data.aws_iam_policy_document.instances_front.json
}

resource "aws_iam_instance_profile" "instances_front" {
  name = local.names.instances_front_instance_profile
  role = aws_iam_role.instances_front.name
}

# What the containers of this environment get: values known only once their resources exist
# (endpoints, names), image references and where each secret is. The boot script writes them to
# a root-only .env file beside the compose file, reading each secret's value from Secrets Manager
# there; no secret value is in this parameter, the user data or the state.
resource "aws_ssm_parameter" "instances_front_config" {
  name        = local.names.instances_front_config
  description = "Configuration of the front containers of voting (no secret values)"
  type        = "String"
  tier        = "Intelligent-Tiering"
  insecure_value = jsonencode({
    variables = merge(
      {
        RESULT_IMAGE        = var.services["result"].image
        RESULT_LOG_GROUP    = aws_cloudwatch_log_group.service_result.name
        RESULT__PG_DATABASE = aws_db_instance.db.db_name
        RESULT__PG_HOST     = aws_db_instance.db.address
        RESULT__PG_PORT     = tostring(aws_db_instance.db.port)
        RESULT__PG_USER     = aws_db_instance.db.username
        VOTE_IMAGE          = var.services["vote"].image
        VOTE_LOG_GROUP      = aws_cloudwatch_log_group.service_vote.name
        VOTE__OPTION_A      = "Cats"
        VOTE__OPTION_B      = "Dogs"
        VOTE__REDIS_HOST    = aws_elasticache_replication_group.redis.primary_endpoint_address
      },
    )
    # The ECR registries Docker logs in to.
    registries = []
    # Secrets Manager references (ARN, then an optional JSON key), read at boot.
    secrets = {
      RESULT__PG_PASSWORD = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::"
    }
  })
}

resource "aws_launch_template" "instances_front" {
  name                   = local.names.instances_front_launch_template
  image_id               = data.aws_ssm_parameter.front_ami.insecure_value
  instance_type          = var.instances["front"].type
  update_default_version = true
  user_data              = filebase64("${path.module}/user-data/front.yaml")

  iam_instance_profile {
    arn = aws_iam_instance_profile.instances_front.arn
  }

  network_interfaces {
    security_groups       = [aws_security_group.instances_front.id]
    delete_on_termination = true
  }

  # IMDSv2 only, one hop: containers cannot reach the instance's credentials. Instance tags are
  # readable there: the boot script finds its configuration parameter by one.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "enabled"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = var.instances["front"].disk
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  monitoring {
    enabled = true
  }

  tag_specifications {
    resource_type = "instance"

    # A new configuration (an image tag, a value) makes a new launch template version, which
    # replaces the instances by instance refresh: `terraform apply` deploys without downtime.
    tags = {
      Name                  = local.names.instances_front_auto_scaling_group
      InfragenConfig        = aws_ssm_parameter.instances_front_config.name
      InfragenConfigVersion = sha256(aws_ssm_parameter.instances_front_config.insecure_value)
    }
  }

  tag_specifications {
    resource_type = "volume"

    tags = {
      Name = local.names.instances_front_auto_scaling_group
    }
  }
}

resource "aws_autoscaling_group" "instances_front" {
  name                      = local.names.instances_front_auto_scaling_group
  min_size                  = var.instances["front"].min
  max_size                  = var.instances["front"].max
  vpc_zone_identifier       = local.task_subnet_ids
  health_check_grace_period = 300
  # An instance whose containers fail the load balancers' health checks is replaced.
  health_check_type = "ELB"
  target_group_arns = [
    aws_lb_target_group.result.arn,
    aws_lb_target_group.vote.arn,
  ]

  # On demand, or (spot) only Spot instances: price-capacity-optimized picks the pools least
  # likely to be interrupted, and capacity rebalancing launches a replacement as soon as EC2
  # warns that an instance is at risk, before it is interrupted.
  capacity_rebalance = var.instances["front"].spot

  dynamic "launch_template" {
    for_each = var.instances["front"].spot ? [] : [1]

    content {
      id      = aws_launch_template.instances_front.id
      version = aws_launch_template.instances_front.latest_version
    }
  }

  dynamic "mixed_instances_policy" {
    for_each = var.instances["front"].spot ? [1] : []

    content {
      instances_distribution {
        on_demand_base_capacity                  = 0
        on_demand_percentage_above_base_capacity = 0
        spot_allocation_strategy                 = "price-capacity-optimized"
      }

      launch_template {
        launch_template_specification {
          launch_template_id = aws_launch_template.instances_front.id
          version            = aws_launch_template.instances_front.latest_version
        }
      }
    }
  }

  # A new launch template version (AMI, type, disk, user data) replaces the instances one at a
  # time, each new one in service before an old one stops.
  instance_refresh {
    strategy = "Rolling"

    preferences {
      min_healthy_percentage = 100
      max_healthy_percentage = 200
    }
  }

  # The scaling policies set the desired count between min and max.
  lifecycle {
    ignore_changes = [desired_capacity]
  }
}

resource "aws_autoscaling_policy" "instances_front_cpu" {
  count = var.instances["front"].cpu_target == null ? 0 : 1

  name                   = local.names.instances_front_cpu_policy
  autoscaling_group_name = aws_autoscaling_group.instances_front.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = var.instances["front"].cpu_target

    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}
