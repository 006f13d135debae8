tags = {
  Name = "web"
  Environment = var.environment
  "kubernetes.io/cluster/main" = "owned"
  Team = "platform",
  CostCenter = 1234
}
