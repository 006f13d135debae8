# Environment "prod": terraform apply -var-file=env/prod.tfvars
environment = "prod"

network = {
  cidr                 = "10.50.0.0/16"
  public_subnet_cidrs  = ["10.50.0.0/20", "10.50.16.0/20"]
  private_subnet_cidrs = ["10.50.128.0/20", "10.50.144.0/20"]
  nat_gateways         = 1
}

deletion_protection    = true
enable_execute_command = false
fargate_spot           = false
log_retention_days     = 30

services = {
  api = {
    image         = "public.ecr.aws/nginx/nginx:1.27"
    cpu           = 256
    memory        = 512
    desired_count = 1
    spot          = false
    autoscale     = null
  }
}

jobs = {
  aggregate = {
    image     = "public.ecr.aws/docker/library/python:3.12"
    cpu       = 1024
    memory    = 2048
    spot      = false
    gpu       = 0
    max_vcpus = 16
    min_vcpus = 0
  }
  ingest = {
    image     = "public.ecr.aws/docker/library/python:3.12"
    cpu       = 4096
    memory    = 15360
    spot      = false
    gpu       = 1
    max_vcpus = 32
    min_vcpus = 4
  }
}

databases = {
  db = {
    instance_class        = "db.t4g.micro"
    allocated_storage     = 20
    multi_az              = false
    read_replicas         = 0
    backup_retention_days = 7
  }
}

buckets = {
  imports = {
    expire_days = 30
    versioning  = false
  }
}

alarms = {
  email       = "data-ops@example.com"
  cpu_high    = 70
  memory_high = 80
  http_5xx    = 10
}
