# The EKS cluster of voting: its API is reachable from the VPC and, for the CIDRs of
# var.cluster_endpoint_public_cidrs only, from the internet (none: private only). Kubernetes
# Secrets are envelope-encrypted with a KMS key of the app; the control plane logs to CloudWatch.

data "aws_iam_policy_document" "eks_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cluster" {
  name               = substr("${local.names.cluster}-cluster", 0, 64)
  assume_role_policy = data.aws_iam_policy_document.eks_assume.json
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_kms_key" "cluster" {
  description         = "Envelope encryption of the Kubernetes Secrets of ${local.names.cluster}"
  enable_key_rotation = true
  # A key scheduled for deletion can be cancelled for this many days.
  deletion_window_in_days = var.deletion_protection ? 30 : 7
}

resource "aws_kms_alias" "cluster" {
  name          = "alias/${local.names.cluster}-eks-secrets"
  target_key_id = aws_kms_key.cluster.key_id
}

# Created before the cluster so that its retention applies from the first log line (EKS would
# otherwise create the group without one).
resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/${local.names.cluster}/cluster"
  retention_in_days = var.log_retention_days
}

resource "aws_eks_cluster" "main" {
  name                      = local.names.cluster
  version                   = var.kubernetes_version
  role_arn                  = aws_iam_role.cluster.arn
  enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

  vpc_config {
    subnet_ids              = local.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = length(var.cluster_endpoint_public_cidrs) > 0
    public_access_cidrs     = length(var.cluster_endpoint_public_cidrs) > 0 ? var.cluster_endpoint_public_cidrs : null
  }

  # Access entries only (no aws-auth ConfigMap): whoever applies this gets cluster admin, and
  # access.tf adds the other administrators and the deploy role.
  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = true
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.cluster.arn
    }
  }

  depends_on = [aws_iam_role_policy_attachment.cluster, aws_cloudwatch_log_group.cluster]
}

# The core add-ons at the versions EKS recommends for the cluster's Kubernetes version; the Pod
# Identity agent lets each service's pods take the IAM role of service_<name>.tf.
resource "aws_eks_addon" "core" {
  for_each = toset(["vpc-cni", "kube-proxy", "coredns", "eks-pod-identity-agent"])

  cluster_name                = aws_eks_cluster.main.name
  addon_name                  = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  # CoreDNS runs as pods: it needs nodes to become active.
  depends_on = [aws_eks_node_group.main]
}

# Cluster administrators (people and CI roles), each an access entry with the cluster admin
# policy on the whole cluster.
resource "aws_eks_access_entry" "admin" {
  for_each = toset(var.cluster_admin_arns)

  cluster_name  = aws_eks_cluster.main.name
  principal_arn = each.value
}

resource "aws_eks_access_policy_association" "admin" {
  for_each = aws_eks_access_entry.admin

  cluster_name  = aws_eks_cluster.main.name
  principal_arn = each.value.principal_arn
  policy_arn    = "arn:${data.aws_partition.current.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}

# Every service's pod role trusts EKS Pod Identity; the association (service_<name>.tf) says
# which service account of which cluster may take it.
data "aws_iam_policy_document" "pod_identity_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]

    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}
