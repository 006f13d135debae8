# Databases in the private subnets: encrypted, the master password generated and kept by RDS in
# Secrets Manager (never in code or state), deletion protection and a final snapshot outside
# development.

resource "aws_db_subnet_group" "db" {
  name       = local.names.database_db_subnet_group
  subnet_ids = local.private_subnet_ids
}

resource "aws_db_instance" "db" {
  identifier                  = local.names.database_db_identifier
  engine                      = "postgres"
  engine_version              = "15"
  instance_class              = var.databases["db"].instance_class
  allocated_storage           = var.databases["db"].allocated_storage
  storage_type                = "gp3"
  storage_encrypted           = true
  db_name                     = "db"
  username                    = "app"
  manage_master_user_password = true
  port                        = 5432
  multi_az                    = var.databases["db"].multi_az
  db_subnet_group_name        = aws_db_subnet_group.db.name
  vpc_security_group_ids      = [aws_security_group.database_db.id]
  publicly_accessible         = false
  backup_retention_period     = var.databases["db"].backup_retention_days
  copy_tags_to_snapshot       = true
  auto_minor_version_upgrade  = true
  deletion_protection         = var.deletion_protection
  skip_final_snapshot         = !var.deletion_protection
  final_snapshot_identifier   = local.names.database_db_final_snapshot
}

resource "aws_db_instance" "db_replica" {
  count                      = var.databases["db"].read_replicas
  identifier                 = "${local.names.database_db_replica}-${count.index + 1}"
  replicate_source_db        = aws_db_instance.db.identifier
  instance_class             = var.databases["db"].instance_class
  storage_type               = "gp3"
  storage_encrypted          = true
  vpc_security_group_ids     = [aws_security_group.database_db.id]
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  deletion_protection        = var.deletion_protection
  skip_final_snapshot        = true
}
