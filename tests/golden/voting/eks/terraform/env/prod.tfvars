# Environment "prod": terraform apply -var-file=env/prod.tfvars
environment = "prod"

network = {
  cidr                 = "10.20.0.0/16"
  public_subnet_cidrs  = ["10.20.0.0/20", "10.20.16.0/20"]
  private_subnet_cidrs = ["10.20.128.0/20", "10.20.144.0/20"]
  nat_gateways         = 1
}

deletion_protection = true
log_retention_days  = 90

instances = {
  "main" = {
    type         = "t3.small"
    min          = 3
    max          = 13
    spot         = false
    disk         = 30
    architecture = "x86_64"
  }
}

databases = {
  db = {
    instance_class        = "db.r6g.large"
    allocated_storage     = 20
    multi_az              = true
    read_replicas         = 1
    backup_retention_days = 7
  }
}

caches = {
  redis = {
    node_type = "cache.t4g.micro"
    nodes     = 1
  }
}

alarms = {
  email       = "ops@example.com"
  cpu_high    = 80
  memory_high = 80
  http_5xx    = 10
}
