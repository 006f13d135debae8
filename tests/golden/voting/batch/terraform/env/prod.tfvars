# Environment "prod": terraform apply -var-file=env/prod.tfvars
environment = "prod"

network = {
  cidr                 = "10.20.0.0/16"
  public_subnet_cidrs  = ["10.20.0.0/20", "10.20.16.0/20"]
  private_subnet_cidrs = ["10.20.128.0/20", "10.20.144.0/20"]
  nat_gateways         = 1
}

deletion_protection    = true
enable_execute_command = false
log_retention_days     = 90

services = {
  result = {
    image         = "dockersamples/examplevotingapp_result:latest"
    cpu           = 256
    memory        = 512
    desired_count = 2
    spot          = false
    autoscale     = null
  }
  vote = {
    image         = "dockersamples/examplevotingapp_vote:latest"
    cpu           = 256
    memory        = 512
    desired_count = 3
    spot          = false
    autoscale = {
      min = 2
      max = 10
      cpu = 70
    }
  }
  worker = {
    image         = "dockersamples/examplevotingapp_worker:latest"
    cpu           = 256
    memory        = 512
    desired_count = 1
    spot          = false
    autoscale     = null
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
