# The cluster's EC2 capacity, per instance group: ECS-optimized Amazon Linux 2023 instances (AMI
# from the public SSM parameter) in an Auto Scaling group over the private subnets, which the
# group's capacity provider scales to fit its tasks (managed scaling). Instances are reached with
# SSM Session Manager only (no SSH port, no key pair), require IMDSv2 and keep it from tasks, and
# have an encrypted root volume. A launch template change replaces them by instance refresh; on
# scale-in, ECS drains an instance's tasks before it terminates (managed draining).

# The instances' own network interface: tasks have their own (awsvpc) and their own groups.
resource "aws_security_group" "instances" {
  name        = local.names.instances_security_group
  description = "ECS container instances of voting: no inbound traffic"
  vpc_id      = local.vpc_id

  tags = {
    Name = local.names.instances_security_group
  }
}

resource "aws_vpc_security_group_egress_rule" "instances_https" {
  security_group_id = aws_security_group.instances.id
  description       = "ECS agent, image pulls, logs and Session Manager over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

data "aws_iam_policy_document" "instances_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# Instance group "main": result, vote, worker.
data "aws_ssm_parameter" "main_ami" {
  name = var.instances["main"].ami_parameter
}

resource "aws_iam_role" "capacity_main_instance" {
  name               = local.names.capacity_main_instance_role
  assume_role_policy = data.aws_iam_policy_document.instances_assume.json
}

# The container agent (register, pull images, write logs) and Session Manager.
resource "aws_iam_role_policy_attachment" "capacity_main_ecs" {
  role       = aws_iam_role.capacity_main_instance.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_role_policy_attachment" "capacity_main_ssm" {
  role       = aws_iam_role.capacity_main_instance.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "capacity_main" {
  name = local.names.capacity_main_instance_profile
  role = aws_iam_role.capacity_main_instance.name
}

resource "aws_launch_template" "capacity_main" {
  name                   = local.names.capacity_main_launch_template
  image_id               = data.aws_ssm_parameter.main_ami.insecure_value
  instance_type          = var.instances["main"].type
  update_default_version = true
  vpc_security_group_ids = [aws_security_group.instances.id]

  iam_instance_profile {
    arn = aws_iam_instance_profile.capacity_main.arn
  }

  # IMDSv2 only, one hop: containers cannot reach the instance's credentials.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = var.instances["main"].disk
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  dynamic "instance_market_options" {
    for_each = var.instances["main"].spot ? [1] : []

    content {
      market_type = "spot"
    }
  }

  monitoring {
    enabled = true
  }

  # The agent joins this cluster, gives tasks their task roles, keeps IMDS from awsvpc tasks and
  # drains a Spot instance's tasks when AWS reclaims it.
  user_data = base64encode(<<-EOT
    #!/bin/bash
    cat >> /etc/ecs/ecs.config <<'CONFIG'
    ECS_CLUSTER=${local.names.cluster}
    ECS_ENABLE_TASK_IAM_ROLE=true
    ECS_AWSVPC_BLOCK_IMDS=true
    ECS_ENABLE_SPOT_INSTANCE_DRAINING=true
    ECS_CONTAINER_STOP_TIMEOUT=30s
    CONFIG
  EOT
  )

  tag_specifications {
    resource_type = "instance"

    tags = {
      Name = local.names.capacity_main_auto_scaling_group
    }
  }

  tag_specifications {
    resource_type = "volume"

    tags = {
      Name = local.names.capacity_main_auto_scaling_group
    }
  }
}

resource "aws_autoscaling_group" "capacity_main" {
  name                  = local.names.capacity_main_auto_scaling_group
  min_size              = var.instances["main"].min
  max_size              = var.instances["main"].max
  vpc_zone_identifier   = local.private_subnet_ids
  health_check_type     = "EC2"
  protect_from_scale_in = true
  # Scale-in protection keeps instances from terminating one by one; a destroy removes the group
  # and its instances at once (the services and the capacity provider are gone by then).
  force_delete = true

  launch_template {
    id      = aws_launch_template.capacity_main.id
    version = aws_launch_template.capacity_main.latest_version
  }

  # A new launch template version (AMI, type, disk) replaces the instances, a few at a time.
  instance_refresh {
    strategy = "Rolling"

    preferences {
      min_healthy_percentage = 50
    }
  }

  # The capacity provider sets the desired count (managed scaling).
  lifecycle {
    ignore_changes = [desired_capacity]
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }
}

resource "aws_ecs_capacity_provider" "main" {
  name = local.names.capacity_main_capacity_provider

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.capacity_main.arn
    managed_termination_protection = "ENABLED"
    managed_draining               = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = 100
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = 2
    }
  }
}
