# Service "worker": the IAM role its pods take through EKS Pod Identity (service account
# worker in the app's namespace), with exactly what the service uses: its secrets, read by
# the Secrets Store CSI driver as the pod.

resource "aws_iam_role" "service_worker_pod" {
  name               = local.names.service_worker_task_role
  assume_role_policy = data.aws_iam_policy_document.pod_identity_assume.json
}

data "aws_iam_policy_document" "service_worker_pod_secrets" {
  statement {
    sid     = "ReadSecrets"
    actions = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = [
      aws_db_instance.db.master_user_secret[0].secret_arn,
    ]
  }
}

resource "aws_iam_role_policy" "service_worker_pod_secrets" {
  name   = "secrets"
  role   = aws_iam_role.service_worker_pod.id
  policy = data.aws_iam_policy_document.service_worker_pod_secrets.json
}

resource "aws_eks_pod_identity_association" "service_worker" {
  cluster_name    = aws_eks_cluster.main.name
  namespace       = local.namespace
  service_account = "worker"
  role_arn        = aws_iam_role.service_worker_pod.arn
}
