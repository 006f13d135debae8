locals {
common_tags = {
Project = var.project
ManagedBy = "terraform"
}
name_prefix = "${var.project}-${var.env}"
azs = slice(data.aws_availability_zones.available.names,0,3)
}
