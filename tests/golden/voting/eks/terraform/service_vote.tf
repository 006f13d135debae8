# Service "vote": the IAM role its pods take through EKS Pod Identity (service account
# vote in the app's namespace), with exactly what the service uses.

resource "aws_iam_role" "service_vote_pod" {
  name               = local.names.service_vote_task_role
  assume_role_policy = data.aws_iam_policy_document.pod_identity_assume.json
}

resource "aws_eks_pod_identity_association" "service_vote" {
  cluster_name    = aws_eks_cluster.main.name
  namespace       = local.namespace
  service_account = "vote"
  role_arn        = aws_iam_role.service_vote_pod.arn
}
