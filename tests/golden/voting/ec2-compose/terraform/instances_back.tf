# Instance group "back": every instance runs one container of each of worker
# with docker compose, started by cloud-init (user-data/back.yaml) as a systemd unit. Amazon
# Linux 2023 (AMI from the public SSM parameter), IMDSv2 only, an encrypted root volume, reached
# with SSM Session Manager only (no SSH port, no key pair). A launch template change replaces the
# instances by instance refresh, launching each new one before terminating an old one.

data "aws_ssm_parameter" "back_ami" {
  name = var.instances["back"].ami_parameter
}

data "aws_iam_policy_document" "instances_back_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "instances_back" {
  name               = local.names.instances_back_instance_role
  assume_role_policy = data.aws_iam_policy_document.instances_back_assume.json
}

# Session Manager (shell access and Run Command, which deploys new images).
resource "aws_iam_role_policy_attachment" "instances_back_ssm" {
  role       = aws_iam_role.instances_back.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# What the group's containers and its boot script use, and nothing else.
data "aws_iam_policy_document" "instances_back" {
  statement {
    sid       = "ReadConfiguration"
    actions   = ["ssm:GetParameter"]
    resources = [aws_ssm_parameter.instances_back_config.arn]
  }

  statement {
    sid     = "WriteContainerLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [
      "${aws_cloudwatch_log_group.service_worker.arn}:*",
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

resource "aws_iam_role_policy" "instances_back" {
  name   = "containers"
  role   = aws_iam_role.instances_back.id
  policy = data.aws_iam_policy_document.instances_back.json
}

resource "aws_iam_instance_profile" "instances_back" {
  name = local.names.instances_back_instance_profile
  role = aws_iam_role.instances_back.name
}

# What the containers of this environment get: values known only once their resources exist
# (endpoints, names), image references and where each secret is. The boot script writes them to
# a root-only .env file beside the compose file, reading each secret's value from Secrets Manager
# there; no secret value is in this parameter, the user data or the state.
resource "aws_ssm_parameter" "instances_back_config" {
  name        = local.names.instances_back_config
  description = "Configuration of the back containers of voting (no secret values)"
  type        = "String"
  tier        = "Intelligent-Tiering"
  insecure_value = jsonencode({
    variables = merge(
      {
        WORKER_IMAGE        = var.services["worker"].image
        WORKER_LOG_GROUP    = aws_cloudwatch_log_group.service_worker.name
        WORKER__PG_DATABASE = aws_db_instance.db.db_name
        WORKER__PG_HOST     = aws_db_instance.db.address
        WORKER__PG_USER     = aws_db_instance.db.username
        WORKER__REDIS_HOST  = aws_elasticache_replication_group.redis.primary_endpoint_address
      },
    )
    # The ECR registries Docker logs in to.
    registries = []
    # Secrets Manager references (ARN, then an optional JSON key), read at boot.
    secrets = {
      WORKER__PG_PASSWORD = "${aws_db_instance.db.master_user_secret[0].secret_arn}:password::"
    }
  })
}

resource "aws_launch_template" "instances_back" {
  name                   = local.names.instances_back_launch_template
  image_id               = data.aws_ssm_parameter.back_ami.insecure_value
  instance_type          = var.instances["back"].type
  update_default_version = true
  user_data              = filebase64("${path.module}/user-data/back.yaml")

  iam_instance_profile {
    arn = aws_iam_instance_profile.instances_back.arn
  }

  network_interfaces {
    security_groups       = [aws_security_group.instances_back.id]
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
      volume_size           = var.instances["back"].disk
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
      Name                  = local.names.instances_back_auto_scaling_group
      InfragenConfig        = aws_ssm_parameter.instances_back_config.name
      InfragenConfigVersion = sha256(aws_ssm_parameter.instances_back_config.insecure_value)
    }
  }

  tag_specifications {
    resource_type = "volume"

    tags = {
      Name = local.names.instances_back_auto_scaling_group
    }
  }
}

resource "aws_autoscaling_group" "instances_back" {
  name                      = local.names.instances_back_auto_scaling_group
  min_size                  = var.instances["back"].min
  max_size                  = var.instances["back"].max
  vpc_zone_identifier       = local.task_subnet_ids
  health_check_grace_period = 300
  health_check_type         = "EC2"

  # On demand, or (spot) only Spot instances: price-capacity-optimized picks the pools least
  # likely to be interrupted, and capacity rebalancing launches a replacement as soon as EC2
  # warns that an instance is at risk, before it is interrupted.
  capacity_rebalance = var.instances["back"].spot

  dynamic "launch_template" {
    for_each = var.instances["back"].spot ? [] : [1]

    content {
      id      = aws_launch_template.instances_back.id
      version = aws_launch_template.instances_back.latest_version
    }
  }

  dynamic "mixed_instances_policy" {
    for_each = var.instances["back"].spot ? [1] : []

    content {
      instances_distribution {
        on_demand_base_capacity                  = 0
        on_demand_percentage_above_base_capacity = 0
        spot_allocation_strategy                 = "price-capacity-optimized"
      }

      launch_template {
        launch_template_specification {
          launch_template_id = aws_launch_template.instances_back.id
          version            = aws_launch_template.instances_back.latest_version
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

resource "aws_autoscaling_policy" "instances_back_cpu" {
  count = var.instances["back"].cpu_target == null ? 0 : 1

  name                   = local.names.instances_back_cpu_policy
  autoscaling_group_name = aws_autoscaling_group.instances_back.name
  policy_type            = "TargetTrackingScaling"

  target_tracking_configuration {
    target_value = var.instances["back"].cpu_target

    predefined_metric_specification {
      predefined_metric_type = "ASGAverageCPUUtilization"
    }
  }
}
