# Managed node groups in the private subnets, one per instance group of env/<environment>.tfvars
# (the manifest's `instances`, or one group sized from the services' cpu and memory). Pods run
# with the node's security groups: the cluster's (pod to pod, and outbound), and the app's pods'
# group that the data stores admit, so every pod of the app reaches the app's databases and
# caches (and nothing else does).

data "aws_iam_policy_document" "nodes_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "nodes" {
  name               = substr("${local.names.cluster}-nodes", 0, 64)
  assume_role_policy = data.aws_iam_policy_document.nodes_assume.json
}

# What a node needs: join the cluster, pod networking (the VPC CNI runs with the node's role), and
# image pulls from ECR. Pods get their own permissions through EKS Pod Identity, not these.
resource "aws_iam_role_policy_attachment" "nodes" {
  for_each = toset(["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"])

  role       = aws_iam_role.nodes.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${each.value}"
}

resource "aws_launch_template" "nodes" {
  for_each = var.instances

  name_prefix = substr("${local.names.cluster}-${each.key}-", 0, 100)
  # Two of the 5 security groups a network interface may have, however many services and jobs.
  vpc_security_group_ids = [aws_eks_cluster.main.vpc_config[0].cluster_security_group_id, aws_security_group.pods.id]

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = each.value.disk
      volume_type = "gp3"
      encrypted   = true
    }
  }

  # IMDSv2 only, and one hop: pods cannot borrow the node's role through the metadata service.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

resource "aws_eks_node_group" "main" {
  for_each = var.instances

  cluster_name    = aws_eks_cluster.main.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.nodes.arn
  subnet_ids      = local.private_subnet_ids
  instance_types  = [each.value.type]
  capacity_type   = each.value.spot ? "SPOT" : "ON_DEMAND"
  ami_type        = each.value.architecture == "arm64" ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD"

  # A node group needs at least one node to schedule anything on.
  scaling_config {
    min_size     = max(each.value.min, 1)
    max_size     = max(each.value.max, 1)
    desired_size = max(each.value.min, 1)
  }

  launch_template {
    id      = aws_launch_template.nodes[each.key].id
    version = aws_launch_template.nodes[each.key].latest_version
  }

  # The services of a group select its nodes by this label (nodeSelector in the chart).
  labels = {
    "infragen.dev/group" = each.key
  }

  update_config {
    max_unavailable = 1
  }

  # The cluster autoscaler, where one is installed, changes the desired size.
  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.nodes]
}
