locals {
  name = "${var.project}-${var.environment}-${var.region}-${var.component}-${random_id.suffix.hex}"
  enabled = var.feature_a_enabled && var.feature_b_enabled && (var.environment == "prod" || var.environment == "staging") && !var.maintenance_mode
  cidrs = concat([for s in aws_subnet.private : s.cidr_block], [for s in aws_subnet.public : s.cidr_block], var.extra_cidrs)
}
